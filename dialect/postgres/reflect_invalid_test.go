package postgres

import (
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/schematest"
)

// An index a failed build left INVALID is reflected as the index it was
// meant to be, marked Invalid, and not again as an "INVALID" residue.
func TestReflectInvalidIndex(t *testing.T) {
	cases := []struct {
		name   string
		setup  []string
		failed string // a statement that fails and leaves the index behind; "" when none
		want   []string
	}{
		{
			name:   "unique concurrent build failed on duplicates",
			setup:  []string{`CREATE TABLE t (id int PRIMARY KEY, code text)`, `INSERT INTO t VALUES (1, 'a'), (2, 'a')`},
			failed: `CREATE UNIQUE INDEX CONCURRENTLY t_code_key ON t (code)`,
			want:   []string{`index t_code_key unique=true method="" parts=[code] where="" invalid`},
		},
		{
			name: "index on a partitioned table's parent only",
			setup: []string{`CREATE TABLE p (id int, at date) PARTITION BY RANGE (at)`,
				`CREATE TABLE p_2024 PARTITION OF p FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')`,
				`CREATE INDEX p_at_idx ON ONLY p (at)`},
			want: []string{`index p_at_idx unique=false method="" parts=[at] where="" invalid`},
		},
		{
			name:  "a valid index",
			setup: []string{`CREATE TABLE t (id int PRIMARY KEY, code text)`, `CREATE UNIQUE INDEX CONCURRENTLY t_code_key ON t (code)`},
			want:  []string{`index t_code_key unique=true method="" parts=[code] where=""`},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			db, _ := reflFresh(t, "")
			schematest.Exec(t, db, tc.setup...)
			if tc.failed != "" {
				if _, err := db.Exec(tc.failed); err == nil {
					t.Fatalf("%s succeeded; the test needs it to fail", tc.failed)
				}
			}
			live := schematest.Reflect(t, Dialect{}, db)
			reflHas(t, live, tc.want...)
			for _, o := range live.Unmanaged {
				if strings.Contains(o.Definition, "INVALID") {
					t.Errorf("INVALID reported again as unmanaged: %s %s on %s: %q", o.Kind, o.Name, o.Table, o.Definition)
				}
			}
		})
	}
}
