package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestKnownSecrets(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "retort.toml")
	if err := os.WriteFile(cfg, []byte(`url = "postgres://u:fromfile@h/db"
dev_url = "postgres://u:fromdev@h/dev"
`), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("RETORT_URL", "mysql://u:fromenv@h/db")
	t.Setenv("DATABASE_URL", "postgres://h/db?password=fromdburl")
	got := knownSecrets(&globals{configPath: cfg, url: "postgres://u:from%2Fflag@h/db"})
	for _, want := range []string{"fromfile", "fromdev", "fromenv", "fromdburl", "from/flag", "from%2Fflag"} {
		if !strings.Contains(strings.Join(got, "\n"), want) {
			t.Errorf("knownSecrets = %q, want %q among them", got, want)
		}
	}
}

// TestPrinterMasksPasswords checks notes, progress and verbose lines are
// masked and results are printed exactly.
func TestPrinterMasksPasswords(t *testing.T) {
	var out, errw strings.Builder
	p := newPrinter(&out, &errw, false, true, "Kx7pw")
	p.info("note: Kx7pw in postgres://v:other@h/db")
	fmt.Fprintf(p.progress(), "    CREATE TABLE t (note text DEFAULT 'Kx7pw');\n")
	p.result("CREATE TABLE t (note text DEFAULT 'Kx7pw');")
	if got, want := errw.String(), "note: xxxxx in postgres://v:xxxxx@h/db\n    CREATE TABLE t (note text DEFAULT 'xxxxx');\n"; got != want {
		t.Errorf("stderr = %q, want %q", got, want)
	}
	if got, want := out.String(), "CREATE TABLE t (note text DEFAULT 'Kx7pw');\n"; got != want {
		t.Errorf("stdout = %q, want %q", got, want)
	}
}

func TestPrintErrorMasksKnownSecrets(t *testing.T) {
	var w strings.Builder
	printError(&w, fmt.Errorf("connect: lookup s3cr/t: no such host\n  host s3cr%%2Ft"), "s3cr/t")
	if got, want := w.String(), "retort: connect: lookup xxxxx: no such host\n  host xxxxx\n"; got != want {
		t.Errorf("printError wrote %q, want %q", got, want)
	}
}
