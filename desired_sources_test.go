package retort_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/retortdb/retort"
)

// A desired schema from a command and a file, in order; a failing source
// fails the diff with ErrSource, naming it, before anything is compared.
func TestDesiredSources(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "users.sql"), []byte("CREATE TABLE users (id INTEGER PRIMARY KEY);\n"), 0o644)
	notes := retort.SQLFiles{{Name: "notes.sql", SQL: "CREATE TABLE notes (id INTEGER PRIMARY KEY, author_id INTEGER REFERENCES users (id));"}}
	tests := []struct {
		name    string
		desired retort.Desired
		tables  []string
		err     string
	}{
		{"command then file", retort.Sources{retort.Command{Args: []string{"cat", "users.sql"}, Dir: dir}, notes}, []string{"notes", "users"}, ""},
		{"failing command", retort.Sources{retort.Command{Args: []string{"sh", "-c", "echo no >&2; exit 1"}, Dir: dir, Name: "exec:gen"}, notes}, nil,
			"exec:gen: sh -c echo no >&2; exit 1 exited with status 1:\nno"},
		{"hanging command", retort.Command{Args: []string{"sleep", "10"}, Timeout: 100 * time.Millisecond}, nil,
			"exec:sleep 10: sleep 10 did not finish within 100ms"},
		{"models of no ORM", retort.GoModels{ORM: "sqlboiler", Package: "./models", Dir: dir}, nil,
			`sqlboiler:./models: unknown ORM "sqlboiler"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			m, err := retort.Open(ctx, "sqlite://"+filepath.Join(t.TempDir(), "app.db"), migrations, retort.Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer m.Close()
			s, err := m.DesiredSchema(ctx, tt.desired)
			if tt.err != "" {
				if err == nil || !errors.Is(err, retort.ErrSource) || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("DesiredSchema error = %v, want ErrSource containing %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, tbl := range s.Tables {
				names = append(names, tbl.Name)
			}
			if strings.Join(names, ",") != strings.Join(tt.tables, ",") {
				t.Errorf("tables = %v, want %v", names, tt.tables)
			}
		})
	}
}
