package retort_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/retortdb/retort"
)

// Diff reflects the live database while the desired schema loads; either
// failing is reported as it is, never as the other's cancellation.
func TestDiffLiveAndDesired(t *testing.T) {
	cases := []struct {
		name    string
		desired string
		closeDB bool
		ops     int
		wantErr string
		notErr  string
	}{
		{name: "both load", desired: "CREATE TABLE a (id INTEGER PRIMARY KEY);", ops: 1},
		{name: "desired refused", desired: "CREATE TABLE a (id INTEGER PRIMARY KEY);\nSELEC 1;", wantErr: "schema.sql:2: ", notErr: "cancel"},
		{name: "live unreadable", desired: "CREATE TABLE a (id INTEGER PRIMARY KEY);", closeDB: true, wantErr: "reading the database schema failed", notErr: "cancel"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			m, err := retort.Open(ctx, "sqlite://"+filepath.Join(t.TempDir(), "app.db"), migrations, retort.Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer m.Close()
			if tc.closeDB {
				retort.DBOf(m).Close()
			}
			ops, err := m.Diff(ctx, retort.SQLFiles{{Name: "schema.sql", SQL: tc.desired}})
			if tc.wantErr == "" {
				if err != nil || len(ops) != tc.ops {
					t.Fatalf("ops %v, err %v; want %d ops", ops, err, tc.ops)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) || strings.Contains(err.Error(), tc.notErr) {
				t.Fatalf("err = %v, want one containing %q and not %q", err, tc.wantErr, tc.notErr)
			}
		})
	}
}
