package gormschema_test

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/retortdb/retort/gormschema"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestLoadGolden pins the DDL of every dialect; -update rewrites it.
func TestLoadGolden(t *testing.T) {
	for _, dialect := range []string{"sqlite", "postgres", "mysql"} {
		t.Run(dialect, func(t *testing.T) {
			got, err := gormschema.Load(dialect, &User{}, &Note{}, &Tag{})
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("testdata", dialect+".sql")
			if *update {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if got != string(want) {
				t.Errorf("Load(%s) differs from %s (run with -update and review the diff):\n%s", dialect, path, got)
			}
		})
	}
}

// TestLoadDeterministic: the output is the cache key of the desired
// schema, so the same models must always give the same text (GORM keeps
// several of its parse results in maps).
func TestLoadDeterministic(t *testing.T) {
	for _, dialect := range []string{"sqlite", "postgres", "mysql"} {
		first, err := gormschema.Load(dialect, &User{}, &Note{}, &Tag{})
		if err != nil {
			t.Fatal(err)
		}
		for range 20 {
			again, err := gormschema.Load(dialect, &User{}, &Note{}, &Tag{})
			if err != nil {
				t.Fatal(err)
			}
			if again != first {
				t.Fatalf("%s: Load gave different DDL on another run:\n%s\nthen\n%s", dialect, first, again)
			}
		}
	}
}

func TestLoadAliases(t *testing.T) {
	tests := []struct{ alias, canonical string }{
		{"sqlite3", "sqlite"}, {"postgresql", "postgres"}, {"pg", "postgres"}, {"mariadb", "mysql"}, {"MySQL", "mysql"},
	}
	for _, tt := range tests {
		got, err := gormschema.Load(tt.alias, &Tag{})
		if err != nil {
			t.Fatalf("Load(%q): %v", tt.alias, err)
		}
		want, err := gormschema.Load(tt.canonical, &Tag{})
		if err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Errorf("Load(%q) = %q, want the %s DDL %q", tt.alias, got, tt.canonical, want)
		}
	}
}

func TestLoadErrors(t *testing.T) {
	type notAModel int
	tests := []struct {
		name    string
		dialect string
		models  []any
		want    string
	}{
		{"unknown dialect", "oracle", []any{&Tag{}}, `unknown dialect "oracle"`},
		{"no models", "postgres", nil, "no models given"},
		{"not a struct", "postgres", []any{new(notAModel)}, "model *gormschema_test.notAModel: unsupported data type"},
		{"not a struct sqlite", "sqlite", []any{&Tag{}, 42}, "model int: unsupported data type"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := gormschema.Load(tt.dialect, tt.models...)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Load = %q, %v; want an error containing %q", got, err, tt.want)
			}
		})
	}
}

// statements splits Load's output: every statement ends a line with ";".
func statements(ddl string) []string {
	var out []string
	for _, s := range strings.Split(ddl, ";\n") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}
