package revfile

import (
	"context"
	"errors"
	"testing"

	"github.com/retortdb/retort/revision"
)

// TestBody: a file body gives its sections as split, may resume, and
// refuses only an upgrade through an unfilled file.
func TestBody(t *testing.T) {
	tests := []struct {
		name, src     string
		up, down      []revision.Statement
		refuseUpgrade bool
	}{
		{"filled", "-- retort:revision a\n-- +upgrade\nSELECT 1;\n-- +downgrade\nSELECT 2;\nSELECT 3;\n",
			[]revision.Statement{{SQL: "SELECT 1", Line: 3}}, []revision.Statement{{SQL: "SELECT 2", Line: 5}, {SQL: "SELECT 3", Line: 6}}, false},
		{"unfilled", "-- retort:revision a\n-- +upgrade\n-- +downgrade\nSELECT 2;\n",
			nil, []revision.Statement{{SQL: "SELECT 2", Line: 4}}, true},
		{"merge", "-- retort:revision m\n-- retort:parents a b\n-- +upgrade\n", nil, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := parsePG("f.sql", []byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			b := r.Body
			for _, c := range []struct {
				dir  revision.Direction
				want []revision.Statement
			}{{revision.Up, tt.up}, {revision.Down, tt.down}} {
				got, err := b.Statements(context.Background(), c.dir, revision.BodyEnv{})
				if err != nil || len(got) != len(c.want) {
					t.Fatalf("%s statements = %+v, %v; want %+v", c.dir, got, err, c.want)
				}
				for i := range got {
					if got[i] != c.want[i] {
						t.Errorf("%s statement %d = %+v, want %+v", c.dir, i, got[i], c.want[i])
					}
				}
			}
			if err := b.Ready(revision.Up); (err != nil) != tt.refuseUpgrade || err != nil && (err != bodyOf(t, r).Unfilled || !errors.Is(err, revision.ErrInvalid)) {
				t.Errorf("Ready(up) = %v, want refusal %v", err, tt.refuseUpgrade)
			}
			if err := b.Ready(revision.Down); err != nil {
				t.Errorf("Ready(down) = %v, want nil", err)
			}
			if !b.Resumable() || b.Kind() != "SQL" {
				t.Errorf("resumable %v, kind %q; want true, SQL", b.Resumable(), b.Kind())
			}
		})
	}
}
