package op

import (
	"strings"
	"testing"

	"github.com/retortdb/retort/schema"
)

// UsersLeft: a user is left unless it is gone from the schema or an
// earlier operation dropped it (it may be back, using the new object).
func TestUsersLeft(t *testing.T) {
	def := "f()"
	col := &schema.Column{Name: "c", Type: "integer", Default: &def}
	gen := &schema.Column{Name: "g", Type: "integer", Generated: &schema.Generated{Expr: "f()", Stored: true}}
	s := &schema.Schema{Tables: []*schema.Table{{Name: "t", Columns: []*schema.Column{col, gen},
		Checks: []*schema.Check{{Name: "t_ck", Expr: "f() > 0"}}}}}
	ref := Ref{Name: "t"}
	bare := *col
	bare.Default = nil
	tests := []struct {
		name string
		user schema.ObjectUser
		done []Op
		left bool
	}{
		{"a default still there", schema.ObjectUser{Kind: schema.UseDefault, Table: "t", Name: "c"}, nil, true},
		{"a default dropped and set again", schema.ObjectUser{Kind: schema.UseDefault, Table: "t", Name: "c"},
			[]Op{AlterColumn{Table: ref, From: col, To: &bare}}, false},
		{"a check dropped and added again", schema.ObjectUser{Kind: schema.UseCheck, Table: "t", Name: "t_ck"},
			[]Op{DropCheck{Table: ref, Check: s.Tables[0].Checks[0]}}, false},
		{"a check of another table dropped", schema.ObjectUser{Kind: schema.UseCheck, Table: "t", Name: "t_ck"},
			[]Op{DropCheck{Table: Ref{Name: "u"}, Check: s.Tables[0].Checks[0]}}, true},
		{"an index gone", schema.ObjectUser{Kind: schema.UseIndex, Table: "t", Name: "t_idx"}, nil, false},
		{"a generated column", schema.ObjectUser{Kind: schema.UseGenerated, Table: "t", Name: "g"}, nil, true},
		{"a generated column dropped and added again", schema.ObjectUser{Kind: schema.UseGenerated, Table: "t", Name: "g"},
			[]Op{DropColumn{Table: ref, Column: gen}}, false},
		{"a column of a dropped table", schema.ObjectUser{Kind: schema.UseColumn, Table: "t", Name: "c"},
			[]Op{DropTable{Table: s.Tables[0]}}, false},
		{"a column retyped", schema.ObjectUser{Kind: schema.UseColumn, Table: "t", Name: "c"},
			[]Op{AlterColumn{Table: ref, From: col, To: &schema.Column{Name: "c", Type: "bigint"}}}, false},
		{"a kind the model does not hold", schema.ObjectUser{Kind: "rule", Table: "t", Name: "r"}, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := &schema.SQLObject{Kind: "function", Name: "f()", Users: []schema.ObjectUser{tt.user}}
			left := UsersLeft(s, o, tt.done)
			if (len(left) > 0) != tt.left {
				t.Fatalf("left = %v, want left: %v", left, tt.left)
			}
			if tt.left && !strings.Contains(UsersError(o, left).Error(), "function f() has to be dropped") {
				t.Errorf("error does not name the object: %v", UsersError(o, left))
			}
		})
	}
}
