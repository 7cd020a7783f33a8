package retort_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"testing/fstest"

	"github.com/retortdb/retort"
)

// TestUpgradeResults: Upgrade and Downgrade report each revision they
// ran, and a failed upgrade still reports what it applied before the
// failure, with an error that errors.As finds as a *MigrationError.
func TestUpgradeResults(t *testing.T) {
	ctx := context.Background()
	revs := fstest.MapFS{
		"b1_users.sql": {Data: []byte("-- retort:revision b1\n-- retort:message users\n\n-- +upgrade\nCREATE TABLE users (id INTEGER PRIMARY KEY);\n\n-- +downgrade\nDROP TABLE users;\n")},
		"b2_notes.sql": {Data: []byte("-- retort:revision b2\n-- retort:parents b1\n-- retort:message notes\n\n-- +upgrade\n" +
			"CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);\nCREATE INDEX notes_body_idx ON notes (body);\n\n" +
			"-- +downgrade\nDROP INDEX notes_body_idx;\nDROP TABLE notes;\n")},
		"b3_bad.sql": {Data: []byte("-- retort:revision b3\n-- retort:parents b2\n-- retort:message bad\n\n-- +upgrade\nINSERT INTO nosuch VALUES (1);\n\n-- +downgrade\n")},
	}
	m := openTemp(t, revs)
	describe := func(rs []retort.Result) string {
		var s string
		for _, r := range rs {
			if r.Duration <= 0 {
				t.Errorf("revision %s took %v", r.ID, r.Duration)
			}
			s += fmt.Sprintf("%s %s %s %d; ", r.ID, r.Direction, r.Message, r.Statements)
		}
		return s
	}
	done, err := m.Upgrade(ctx, "head")
	var me *retort.MigrationError
	if !errors.As(err, &me) || me.Revision.ID != "b3" {
		t.Fatalf("upgrade through b3: %v, want a MigrationError for b3", err)
	}
	if got, want := describe(done), "b1 up users 1; b2 up notes 2; "; got != want {
		t.Errorf("applied before the failure: %q, want %q", got, want)
	}
	done, err = m.Downgrade(ctx, "base")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := describe(done), "b2 down notes 2; b1 down users 1; "; got != want {
		t.Errorf("reverted: %q, want %q", got, want)
	}
	if done, err = m.Downgrade(ctx, "base"); err != nil || len(done) != 0 {
		t.Errorf("downgrade at base: %v %v, want nothing done", done, err)
	}
}
