package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	_ "github.com/retortdb/retort/dialect/sqlite"
)

// A desired-schema file that cannot be split into statements is a
// mistake in the file, like a malformed revision: exit 2, naming the file
// and line once.
func TestExitCodeMalformedSchemaFile(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write("retort.toml", "url = \"sqlite://app.db\"\ndir = \"migrations\"\nschema = [\"schema.sql\"]\n")
	if err := os.Mkdir(filepath.Join(dir, "migrations"), 0o700); err != nil {
		t.Fatal(err)
	}
	write("schema.sql", "CREATE TABLE a (id int);\nCREATE TABLE b (note text DEFAULT 'x);\n")
	var out, errw strings.Builder
	if got := Main([]string{"check"}, &out, &errw); got != exitUsage {
		t.Fatalf("check exit %d, want %d (stderr %q)", got, exitUsage, errw.String())
	}
	msg := errw.String()
	if !strings.Contains(msg, "schema.sql:2: unterminated quoted string") || strings.Count(msg, "unterminated") != 1 {
		t.Errorf("stderr %q, want schema.sql:2 and what is wrong, once", msg)
	}
}
