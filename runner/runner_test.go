package runner

import (
	"bytes"
	"context"
	"errors"
	"net/url"
	"strings"
	"testing"

	"github.com/retortdb/retort/revision"
)

func TestCurrentWithoutTables(t *testing.T) {
	forEach(t, func(t *testing.T, tg target, u *url.URL) {
		r := newRunner(t, tg, u, linear...)
		mustCurrent(t, r)
		if hasTable(r.DB, "retort_version") {
			t.Fatal("Current created retort_version")
		}
	})
}

func TestLinearUpgradeDowngrade(t *testing.T) {
	forEach(t, func(t *testing.T, tg target, u *url.URL) {
		ctx := context.Background()
		r := newRunner(t, tg, u, linear...)
		var log bytes.Buffer
		r.Log = &log
		done, err := r.Upgrade(ctx, "head")
		if err != nil {
			t.Fatal(err)
		}
		if ids(done) != "a1,a2,a3" {
			t.Fatalf("applied %s", ids(done))
		}
		mustCurrent(t, r, "a3")
		if _, err := r.DB.Exec("INSERT INTO users (id, name) VALUES (1, 'ann')"); err != nil {
			t.Fatal(err)
		}
		if _, err := r.DB.Exec("INSERT INTO notes (id, author_id, title) VALUES (1, 1, 't')"); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(log.String(), "upgrade a2 -> create notes ... ok (") {
			t.Fatalf("log:\n%s", log.String())
		}
		if done, err = r.Upgrade(ctx, "head"); err != nil || len(done) != 0 {
			t.Fatalf("second upgrade: %v %v", ids(done), err)
		}

		done, err = r.Downgrade(ctx, "-1")
		if err != nil || ids(done) != "a3" {
			t.Fatalf("downgrade -1: %s %v", ids(done), err)
		}
		mustCurrent(t, r, "a2")
		done, err = r.Downgrade(ctx, "base")
		if err != nil || ids(done) != "a2,a1" {
			t.Fatalf("downgrade base: %s %v", ids(done), err)
		}
		mustCurrent(t, r)
		if hasTable(r.DB, "users") || hasTable(r.DB, "notes") {
			t.Fatal("tables left after downgrade to base")
		}
		want := "a1:up a2:up a3:up a3:down a2:down a1:down"
		if got := strings.Join(history(t, r.DB), " "); got != want {
			t.Fatalf("history %s, want %s", got, want)
		}
	})
}

func TestRelativeTargets(t *testing.T) {
	forEach(t, func(t *testing.T, tg target, u *url.URL) {
		ctx := context.Background()
		r := newRunner(t, tg, u, linear...)
		steps := []struct {
			down   bool
			target string
			want   string
		}{
			{false, "+1", "a1"},
			{false, "+2", "a3"},
			{true, "-2", "a1"},
			{false, "a2", "a2"},
			{true, "a1", "a1"},
		}
		for _, s := range steps {
			var err error
			if s.down {
				_, err = r.Downgrade(ctx, s.target)
			} else {
				_, err = r.Upgrade(ctx, s.target)
			}
			if err != nil {
				t.Fatalf("%s: %v", s.target, err)
			}
			mustCurrent(t, r, s.want)
		}
		_, err := r.Upgrade(ctx, "+5")
		if !errors.Is(err, revision.ErrInvalid) {
			t.Fatalf("upgrade past head: %v, want ErrInvalid", err)
		}
		_, err = r.Upgrade(ctx, "nope")
		if !errors.Is(err, revision.ErrInvalid) {
			t.Fatalf("unknown target: %v, want ErrInvalid", err)
		}
	})
}

// branchy: a1, then b1 and c1 on top of it, merged by m1.
var branchy = []rev{
	linear[0],
	{id: "b1", parents: "a1", msg: "branch b", up: "CREATE TABLE tb (id INTEGER PRIMARY KEY);", down: "DROP TABLE tb;"},
	{id: "c1", parents: "a1", msg: "branch c", up: "CREATE TABLE tc (id INTEGER PRIMARY KEY);", down: "DROP TABLE tc;"},
	{id: "m1", parents: "b1 c1", msg: "merge"},
}

func TestBranchesAndMerge(t *testing.T) {
	forEach(t, func(t *testing.T, tg target, u *url.URL) {
		ctx := context.Background()
		r := newRunner(t, tg, u, branchy...)
		if _, err := r.Upgrade(ctx, "b1"); err != nil {
			t.Fatal(err)
		}
		mustCurrent(t, r, "b1")
		if _, err := r.Upgrade(ctx, "c1"); err != nil {
			t.Fatal(err)
		}
		mustCurrent(t, r, "b1", "c1")
		pending, err := r.Pending(ctx)
		if err != nil || ids(pending) != "m1" {
			t.Fatalf("pending %s %v", ids(pending), err)
		}
		done, err := r.Upgrade(ctx, "head")
		if err != nil || ids(done) != "m1" {
			t.Fatalf("upgrade head: %s %v", ids(done), err)
		}
		mustCurrent(t, r, "m1")
		// Reverting to b1 reverts the merge only: c1 stays applied.
		done, err = r.Downgrade(ctx, "b1")
		if err != nil || ids(done) != "m1" {
			t.Fatalf("downgrade b1: %s %v", ids(done), err)
		}
		mustCurrent(t, r, "b1", "c1")
		if _, err := r.Downgrade(ctx, "-1"); !errors.Is(err, revision.ErrInvalid) {
			t.Fatalf("relative downgrade at two heads: %v, want ErrInvalid", err)
		}
		done, err = r.Downgrade(ctx, "base")
		if err != nil || ids(done) != "c1,b1,a1" && ids(done) != "b1,c1,a1" {
			t.Fatalf("downgrade base: %s %v", ids(done), err)
		}
		mustCurrent(t, r)
	})
}

func TestStamp(t *testing.T) {
	forEach(t, func(t *testing.T, tg target, u *url.URL) {
		ctx := context.Background()
		r := newRunner(t, tg, u, linear...)
		if err := r.Stamp(ctx, "a2"); err != nil {
			t.Fatal(err)
		}
		mustCurrent(t, r, "a2")
		if hasTable(r.DB, "users") {
			t.Fatal("stamp ran a revision")
		}
		pending, err := r.Pending(ctx)
		if err != nil || ids(pending) != "a3" {
			t.Fatalf("pending %s %v", ids(pending), err)
		}
		if err := r.Stamp(ctx, "base"); err != nil {
			t.Fatal(err)
		}
		mustCurrent(t, r)
		if err := r.Stamp(ctx, "zzzz"); !errors.Is(err, revision.ErrInvalid) {
			t.Fatalf("stamp unknown: %v", err)
		}
		if got := strings.Join(history(t, r.DB), " "); got != "a2:stamp base:stamp" {
			t.Fatalf("history %s", got)
		}
	})
}

func TestEdited(t *testing.T) {
	forEach(t, func(t *testing.T, tg target, u *url.URL) {
		ctx := context.Background()
		r := newRunner(t, tg, u, linear...)
		if _, err := r.Upgrade(ctx, "a2"); err != nil {
			t.Fatal(err)
		}
		edited, err := r.Edited(ctx)
		if err != nil || len(edited) != 0 {
			t.Fatalf("edited before any change: %s %v", ids(edited), err)
		}
		changed := append([]rev(nil), linear...)
		changed[1].down = "DROP TABLE IF EXISTS notes;"
		changed[2].up = "ALTER TABLE notes ADD COLUMN subject VARCHAR(10);" // not applied: no matter
		r.Graph = graph(t, tg.split, files(changed...))
		edited, err = r.Edited(ctx)
		if err != nil || ids(edited) != "a2" {
			t.Fatalf("edited = %s %v, want a2", ids(edited), err)
		}
	})
}

// A runner without a database says so instead of panicking.
func TestRunnerWithoutDatabase(t *testing.T) {
	r := &Runner{}
	ctx := context.Background()
	if _, err := r.Current(ctx); err == nil {
		t.Error("Current without a database succeeded")
	}
	if _, err := r.Edited(ctx); err == nil {
		t.Error("Edited without a database succeeded")
	}
	if _, err := r.Unfinished(ctx); err == nil {
		t.Error("Unfinished without a database succeeded")
	}
	if _, err := r.Upgrade(ctx, "head"); err == nil {
		t.Error("Upgrade without a database succeeded")
	}
}
