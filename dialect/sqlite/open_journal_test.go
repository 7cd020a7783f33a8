package sqlite

import (
	"context"
	"database/sql"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/schematest"
)

// openJournalMode reads a file's journal mode through a plain connection
// that sets no pragma, so reading it changes nothing.
func openJournalMode(t *testing.T, path string) string {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var mode string
	if err := db.QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil {
		t.Fatal(err)
	}
	return strings.ToLower(mode)
}

// Opening and reflecting a database must leave its journal mode as the
// user set it; only an explicit _pragma in the URL changes it.
func TestOpenKeepsJournalMode(t *testing.T) {
	cases := []struct {
		name, mode, query, want string
	}{
		{"rollback journal stays", "delete", "", "delete"},
		{"wal stays", "wal", "", "wal"},
		{"explicit pragma switches to wal", "delete", "_pragma=journal_mode(WAL)", "wal"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			path := filepath.Join(t.TempDir(), "app.db")
			raw, err := sql.Open("sqlite", path)
			if err != nil {
				t.Fatal(err)
			}
			schematest.Exec(t, raw, "PRAGMA journal_mode="+tc.mode, "CREATE TABLE t (id INTEGER PRIMARY KEY)")
			raw.Close()
			if got := openJournalMode(t, path); got != tc.mode {
				t.Fatalf("setup: journal_mode = %s, want %s", got, tc.mode)
			}
			db, err := Dialect{}.Open(ctx, &url.URL{Scheme: "sqlite", Path: path, RawQuery: tc.query})
			if err != nil {
				t.Fatal(err)
			}
			s, err := Dialect{}.Reflect(ctx, db)
			if err != nil {
				t.Fatal(err)
			}
			if len(s.Tables) != 1 {
				t.Fatalf("reflected %d tables, want 1", len(s.Tables))
			}
			db.Close()
			if got := openJournalMode(t, path); got != tc.want {
				t.Errorf("journal_mode after open and reflect = %s, want %s", got, tc.want)
			}
		})
	}
}
