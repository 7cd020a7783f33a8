package config

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestSchemaSources(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	os.WriteFile("a.sql", []byte("CREATE TABLE a (id int);"), 0o644)
	cfgDir := filepath.Join(dir, "app")
	tests := []struct {
		name   string
		entry  string
		want   SchemaSource // Files compared by name only
		files  []string
		errMsg string
	}{
		{"file", "a.sql", SchemaSource{Spec: "a.sql", Dir: cfgDir}, []string{"a.sql"}, ""},
		{"exec with quotes, no shell", `exec:./gen.sh --out "two words" 'it''s' $HOME`,
			SchemaSource{Spec: `exec:./gen.sh --out "two words" 'it''s' $HOME`, Command: []string{"./gen.sh", "--out", "two words", "its", "$HOME"}, Dir: cfgDir}, nil, ""},
		{"gorm", "gorm:./models", SchemaSource{Spec: "gorm:./models", ORM: "gorm", Package: "./models", Dir: cfgDir}, nil, ""},
		{"ent", "ent: ./ent/schema", SchemaSource{Spec: "ent: ./ent/schema", ORM: "ent", Package: "./ent/schema", Dir: cfgDir}, nil, ""},
		{"bun", "bun:example.com/app/models", SchemaSource{Spec: "bun:example.com/app/models", ORM: "bun", Package: "example.com/app/models", Dir: cfgDir}, nil, ""},
		{"exec without a command", "exec:  ", SchemaSource{}, nil, `schema entry "exec:  ": no command after exec:`},
		{"exec with an open quote", `exec:gen "x`, SchemaSource{}, nil, `schema entry "exec:gen \"x": cannot split the command into words`},
		{"gorm without a package", "gorm:", SchemaSource{}, nil, `schema entry "gorm:": write one package after gorm:, such as gorm:./models`},
		{"gorm with two packages", "gorm:./a ./b", SchemaSource{}, nil, "write one package after gorm:"},
		{"another prefix is a file", "other:x.sql", SchemaSource{}, nil, "schema file other:x.sql not found"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := &Config{Schema: []string{tt.entry}, Path: filepath.Join(cfgDir, "retort.toml")}
			got, err := c.SchemaSources()
			if tt.errMsg != "" {
				if err == nil || !errors.Is(err, ErrConfig) || !strings.Contains(err.Error(), tt.errMsg) {
					t.Fatalf("SchemaSources = %+v, %v; want a config error containing %q", got, err, tt.errMsg)
				}
				return
			}
			if err != nil || len(got) != 1 {
				t.Fatalf("SchemaSources = %+v, %v", got, err)
			}
			var names []string
			for _, f := range got[0].Files {
				names = append(names, f.Name)
			}
			if !slices.Equal(names, tt.files) {
				t.Errorf("files = %v, want %v", names, tt.files)
			}
			got[0].Files = nil
			g, w := got[0], tt.want
			if g.Spec != w.Spec || !slices.Equal(g.Command, w.Command) || g.ORM != w.ORM || g.Package != w.Package || g.Dir != w.Dir {
				t.Errorf("source = %+v, want %+v", g, w)
			}
		})
	}
}

// TestSchemaFilesRefusesPrograms: SchemaFiles is for SQL files only.
func TestSchemaFilesRefusesPrograms(t *testing.T) {
	c := &Config{Schema: []string{"gorm:./models"}}
	if _, err := c.SchemaFiles(); err == nil || !strings.Contains(err.Error(), `schema entry "gorm:./models" is a program, not a file`) {
		t.Fatalf("err = %v", err)
	}
}

func TestSourceTimeout(t *testing.T) {
	tests := []struct {
		value string
		want  time.Duration
		err   string
	}{
		{"", DefaultSourceTimeout, ""},
		{"5s", 5 * time.Second, ""},
		{"${RETORT_T_SRC_TIMEOUT:-3m}", 3 * time.Minute, ""},
		{"soon", 0, `source_timeout "soon" is not a positive duration`},
		{"-1s", 0, `source_timeout "-1s" is not a positive duration`},
	}
	for _, tt := range tests {
		t.Run(tt.value, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "retort.toml")
			os.WriteFile(path, []byte("source_timeout = \""+tt.value+"\"\n"), 0o644)
			c, err := Load(path)
			if tt.err != "" {
				if err == nil || !errors.Is(err, ErrConfig) || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("Load = %v, want a config error containing %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got, err := c.SourceWait(); err != nil || got != tt.want {
				t.Errorf("SourceWait = %s, %v; want %s", got, err, tt.want)
			}
		})
	}
}
