package mysql

import (
	"strings"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/schema"
)

// An invisible index is spelled the way the reflected server spells it.
func TestInvisibleIndexSpelling(t *testing.T) {
	ix := &schema.Index{Name: "t_a_idx", Parts: []schema.IndexPart{{Column: "a"}}, Invisible: true}
	tests := []struct{ server, want string }{
		{"8.0.36", "CREATE INDEX `t_a_idx` ON `t` (`a`) INVISIBLE"},
		{"10.11.19-MariaDB-0+deb12u1", "CREATE INDEX `t_a_idx` ON `t` (`a`) IGNORED"},
		{"", "CREATE INDEX `t_a_idx` ON `t` (`a`) IGNORED"},
	}
	for _, tt := range tests {
		cur := &schema.Schema{Server: tt.server, Tables: []*schema.Table{{Name: "t", Columns: []*schema.Column{{Name: "a", Type: "int"}}}}}
		stmts, err := Dialect{}.Render([]op.Op{op.CreateIndex{Table: op.Ref{Name: "t"}, Index: ix}}, cur, dialect.RenderOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(stmts, ";"); got != tt.want {
			t.Errorf("server %q: %s, want %s", tt.server, got, tt.want)
		}
	}
}
