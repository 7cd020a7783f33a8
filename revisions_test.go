package retort_test

import (
	"context"
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/dialect/sqlite"
)

// TestLoadRevisionsOnce: revisions loaded once answer graph questions
// without a database, and build Migrators without parsing again; they
// refuse a database of another dialect than the one they were split for.
func TestLoadRevisionsOnce(t *testing.T) {
	ctx := context.Background()
	graphOnly, err := retort.LoadRevisions(migrations, retort.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, r := range graphOnly.History() {
		ids = append(ids, r.ID)
	}
	if !slices.Equal(ids, []string{"a2", "a1"}) {
		t.Errorf("history %v, want newest first [a2 a1]", ids)
	}
	if h := graphOnly.Heads(); len(h) != 1 || h[0].ID != "a2" || !h[0].Head || h[0].Message != "create notes" || h[0].File != "a2_create_notes.sql" {
		t.Errorf("heads %+v", h)
	}
	if r, ok := graphOnly.Get("a1"); !ok || r.Head || !slices.Equal(graphOnly.History()[0].Parents, []string{"a1"}) {
		t.Errorf("a1 = %+v %v", r, ok)
	}
	if ids, err := graphOnly.Lookup("a1+1"); err != nil || !slices.Equal(ids, []string{"a2"}) {
		t.Errorf("Lookup(a1+1) = %v %v", ids, err)
	}
	url := "sqlite://" + filepath.Join(t.TempDir(), "app.db")
	if _, err := graphOnly.Open(ctx, url, retort.Options{}); err == nil || !strings.Contains(err.Error(), "loaded without a dialect") {
		t.Errorf("Open with revisions loaded without a dialect: %v", err)
	}

	revs, err := retort.LoadRevisions(migrations, retort.Options{Dialect: sqlite.Dialect{}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := revs.Open(ctx, "postgres://localhost/nowhere", retort.Options{}); err == nil || err.Error() != "these revisions were loaded for sqlite but the database is postgres" {
		t.Errorf("Open of another dialect: %v", err)
	}
	m, err := revs.Open(ctx, url, retort.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	if done, err := m.Upgrade(ctx, "head"); err != nil || len(done) != 2 {
		t.Fatalf("upgrade: %v %v", done, err)
	}
	if m.Revisions() != revs {
		t.Error("the Migrator does not migrate with the revisions it was built on")
	}
	offline, err := revs.New(nil, retort.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var script strings.Builder
	if err := offline.OfflineSQL(&script, []string{"a1"}, "a2", retort.Up); err != nil || !strings.Contains(script.String(), "CREATE TABLE notes") || strings.Contains(script.String(), "CREATE TABLE users") {
		t.Errorf("offline a1 -> a2: %v\n%s", err, script.String())
	}
}

// TestOptionsDialect: the dialect is given as a value or by a name or
// alias; the two must agree, and an unknown name is refused.
func TestOptionsDialect(t *testing.T) {
	for _, opts := range []retort.Options{
		{Dialect: sqlite.Dialect{}}, {DialectName: "sqlite"}, {DialectName: "sqlite3"}, {Dialect: sqlite.Dialect{}, DialectName: "SQLite"},
	} {
		if m, err := retort.New(nil, migrations, opts); err != nil || m.Revisions() == nil {
			t.Errorf("New with %+v: %v", opts, err)
		}
	}
	bad := []struct {
		opts retort.Options
		want string
	}{
		{retort.Options{}, "retort.New: Options.Dialect (or DialectName) is required"},
		{retort.Options{DialectName: "oracle"}, `retort.New: Options.DialectName: unknown dialect "oracle"`},
		{retort.Options{Dialect: sqlite.Dialect{}, DialectName: "postgres"}, "retort.New: Options.Dialect is sqlite but Options.DialectName says postgres"},
	}
	for _, tt := range bad {
		if _, err := retort.New(nil, migrations, tt.opts); err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("New with %+v: %v, want %q", tt.opts, err, tt.want)
		}
	}
}

// TestWriteRevision: a written revision file loads back with what was
// given, and a template (no SQL) is refused until filled in.
func TestWriteRevision(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "migrations")
	created := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	path, err := retort.WriteRevision(dir, retort.NewRevision{ID: "c1", Message: "create t", Created: created,
		Upgrade: "CREATE TABLE t (id INTEGER PRIMARY KEY);", Downgrade: "DROP TABLE t;"})
	if err != nil || path != filepath.Join(dir, "c1_create_t.sql") {
		t.Fatalf("WriteRevision = %s %v", path, err)
	}
	merge, err := retort.WriteRevision(dir, retort.NewRevision{Parents: []string{"c1"}, Message: "todo"})
	if err != nil {
		t.Fatal(err)
	}
	revs, err := retort.LoadRevisionsDir(dir, retort.Options{DialectName: "sqlite"})
	if err != nil {
		t.Fatal(err)
	}
	h := revs.History()
	if len(h) != 2 || h[1].ID != "c1" || !h[1].Created.Equal(created) || h[0].Message != "todo" || !slices.Equal(h[0].Parents, []string{"c1"}) ||
		filepath.Join(dir, h[0].File) != merge || len(h[0].ID) != 12 || h[0].Created.IsZero() {
		t.Fatalf("loaded back: %+v", h)
	}
	m, err := revs.Open(context.Background(), "sqlite://"+filepath.Join(t.TempDir(), "app.db"), retort.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	if _, err := m.Upgrade(context.Background(), "head"); !errors.Is(err, retort.ErrInvalid) || !strings.Contains(err.Error(), h[0].File) {
		t.Fatalf("upgrade through the empty template: %v, want it refused naming %s", err, h[0].File)
	}
}
