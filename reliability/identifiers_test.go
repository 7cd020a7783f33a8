package reliability

import (
	"path/filepath"
	"strings"
	"testing"
)

// weirdSchema uses a reserved word, non-ASCII and an embedded quote as
// table and column names, linked by a foreign key and an index.
const weirdSchema = `CREATE TABLE "select" ("from" INTEGER PRIMARY KEY, "naïve col" TEXT NOT NULL);
CREATE TABLE "naïve table" (id INTEGER PRIMARY KEY, "order" INTEGER NOT NULL REFERENCES "select" ("from") ON DELETE CASCADE);
CREATE INDEX "naïve idx" ON "naïve table" ("order");
CREATE TABLE "we""ird" ("a""b" INTEGER PRIMARY KEY, "group" TEXT UNIQUE, CHECK ("a""b" > 0));
`

// TestWeirdIdentifiers migrates quoted, unicode and reserved identifiers
// and checks autogenerate then finds no difference.
func TestWeirdIdentifiers(t *testing.T) {
	work := tempDir(t)
	writeFiles(t, work, map[string]string{
		"retort.toml": "url = \"sqlite://app.db\"\ndir = \"migrations\"\nschema = [\"schema.sql\"]\n",
		"schema.sql":  weirdSchema,
	})
	if err := mkdir(filepath.Join(work, "migrations")); err != nil {
		t.Fatal(err)
	}
	mustRun(t, work, "revision", "-m", "weird names", "--autogenerate")
	mustRun(t, work, "upgrade")
	tg := sqliteTarget(filepath.Join(work, "app.db"))
	db := tg.open(t)
	for _, q := range []string{
		`INSERT INTO "select" ("from", "naïve col") VALUES (1, 'x')`,
		`INSERT INTO "naïve table" (id, "order") VALUES (1, 1)`,
		`INSERT INTO "we""ird" ("a""b", "group") VALUES (1, 'g')`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s failed on the migrated database: %v", q, err)
		}
	}
	if r := run(t, work, "check"); r.code != 0 {
		t.Errorf("check after upgrade should pass: %s", r)
	}
	r := mustRun(t, work, "revision", "-m", "again", "--autogenerate")
	if !strings.Contains(r.stdout+r.stderr, "no changes detected") {
		t.Errorf("autogenerate found a false difference: %s", r)
	}
	if got := tg.tables(t, db); strings.Join(got, "|") != `naïve table|select|we"ird` {
		t.Errorf("tables = %q", got)
	}
	// Down and up again keep working with the same names.
	mustRun(t, work, "downgrade", "base")
	mustRun(t, work, "upgrade")
	if r := run(t, work, "check"); r.code != 0 {
		t.Errorf("check after downgrade+upgrade should pass: %s", r)
	}
}
