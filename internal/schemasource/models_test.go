package schemasource

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// writeModule writes a module of files (path -> content) into a
// temporary directory.
func writeModule(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		path := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(path), 0o755)
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// slowModule is a module whose "loader" package sleeps, standing in for
// a loader module, so the test needs no ORM and no download.
func slowModule(t *testing.T) (dir string, o orm) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("needs the go command")
	}
	dir = writeModule(t, map[string]string{
		"go.mod":           "module example.com/m\n\ngo 1.26\n",
		"models/models.go": "package models\n\ntype User struct {\n\tID int `fake:\"pk\"`\n}\n",
		"loader/loader.go": "package loader\n\nimport \"time\"\n\nfunc Load(string, ...any) (string, error) {\n\ttime.Sleep(time.Minute)\n\treturn \"\", nil\n}\n",
	})
	return dir, orm{name: "fake", title: "Fake", loader: "example.com/m/loader", tag: "fake", value: "&%s{}"}
}

// TestLoaderRemovedWhenInterrupted: Ctrl-C (a cancelled context) stops
// the loader, compiling or running, and its directory is removed.
func TestLoaderRemovedWhenInterrupted(t *testing.T) {
	dir, o := slowModule(t)
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(3*time.Second, cancel)
	start := time.Now()
	_, err := runLoader(ctx, "fake:./models", o, dir, "example.com/m/models", []string{"User"}, "sqlite", time.Minute)
	if err == nil || !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want the cancellation", err)
	}
	if d := time.Since(start); d > 20*time.Second {
		t.Errorf("runLoader returned %s after the start; the loader was not killed", d)
	}
	assertNoLoaderDir(t, dir)
}

func TestLoaderTimeout(t *testing.T) {
	dir, o := slowModule(t)
	_, err := runLoader(context.Background(), "fake:./models", o, dir, "example.com/m/models", []string{"User"}, "sqlite", 2*time.Second)
	if err == nil || !strings.Contains(err.Error(), "fake:./models: go run ./_retort_loader_") || !strings.Contains(err.Error(), "did not finish within 2s") {
		t.Fatalf("err = %v, want the timeout naming the source", err)
	}
	assertNoLoaderDir(t, dir)
}

func assertNoLoaderDir(t *testing.T, dir string) {
	t.Helper()
	left, _ := filepath.Glob(filepath.Join(dir, "_retort_loader_*"))
	if len(left) > 0 {
		t.Errorf("the loader's directory was left behind: %v", left)
	}
}

// TestModelsErrors: the checks before any build, each naming the source.
func TestModelsErrors(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("needs the go command")
	}
	dir := writeModule(t, map[string]string{
		"go.mod":         "module example.com/m\n\ngo 1.26\n",
		"cmd/app/app.go": "package main\n\nfunc main() {}\n",
		"plain/plain.go": "package plain\n\ntype Config struct{ Name string }\n",
		"models/m.go":    "package models\n\ntype User struct {\n\tID int `gorm:\"primaryKey\"`\n}\n",
	})
	tests := []struct{ orm, pkg, want string }{
		{"gorm", "./nosuch", "gorm:./nosuch: go list -find -json -- ./nosuch exited with status 1"},
		{"gorm", "./cmd/app", "gorm:./cmd/app: package example.com/m/cmd/app is a main package"},
		{"gorm", "./models", "run: go get github.com/retortdb/retort/gormschema"},
		{"bun", "./models", "run: go get github.com/retortdb/retort/bunschema"},
		{"sqlboiler", "./models", `unknown ORM "sqlboiler"`},
	}
	for _, tt := range tests {
		t.Run(tt.orm+tt.pkg, func(t *testing.T) {
			_, err := Models(context.Background(), tt.orm+":"+tt.pkg, tt.orm, tt.pkg, dir, "sqlite", time.Minute)
			if err == nil || !errors.Is(err, ErrSource) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want ErrSource containing %q", err, tt.want)
			}
		})
	}
}

// TestModelsOfADependency: models in another module (here a replaced
// one) are loaded by a loader in the main module, the one the config is
// in; the loader gets every model and the dialect.
func TestModelsOfADependency(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("needs the go command")
	}
	orms["fake"] = orm{name: "fake", title: "Fake", loader: "example.com/fakeloader", pkg: "example.com/fakebase", base: "Model", tag: "fake", value: "&%s{}"}
	t.Cleanup(func() { delete(orms, "fake") })
	dir := writeModule(t, map[string]string{
		"app/go.mod": "module example.com/app\n\ngo 1.26\n\nrequire (\n\texample.com/shared v0.0.0\n\texample.com/fakeloader v0.0.0\n)\n\n" +
			"replace example.com/shared => ../shared\n\nreplace example.com/fakeloader => ../fakeloader\n",
		"shared/go.mod":           "module example.com/shared\n\ngo 1.26\n",
		"shared/models/models.go": "package models\n\ntype User struct {\n\tID int `fake:\"pk\"`\n}\n\ntype Note struct {\n\tID int `fake:\"pk\"`\n}\n\ntype helper struct{ n int }\n",
		"fakeloader/go.mod":       "module example.com/fakeloader\n\ngo 1.26\n",
		"fakeloader/loader.go": "package loader\n\nimport \"fmt\"\n\nfunc Load(dialect string, models ...any) (string, error) {\n" +
			"\treturn fmt.Sprintf(\"-- %s %T %T\\n\", dialect, models[0], models[1]), nil\n}\n",
	})
	app := filepath.Join(dir, "app")
	got, err := Models(context.Background(), "fake:example.com/shared/models", "fake", "example.com/shared/models", app, "postgres", time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	if want := "-- postgres *models.User *models.Note\n"; got != want {
		t.Errorf("Models = %q, want %q", got, want)
	}
	assertNoLoaderDir(t, app)
	assertNoLoaderDir(t, filepath.Join(dir, "shared"))
}
