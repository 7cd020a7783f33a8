package exampletest

import (
	"encoding/json"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// copyExample copies the example module in the working directory into a
// temporary directory, leaving out what its runs write (app.db,
// migrations/), and makes its relative replace directives absolute so
// the copy builds against this repository's loader modules.
func copyExample(t *testing.T) string {
	t.Helper()
	src, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	dst := t.TempDir()
	err = filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		if rel == "migrations" || strings.HasPrefix(d.Name(), "app.db") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatalf("copying the example %s: %v", src, err)
	}
	absoluteReplaces(t, src, dst)
	return dst
}

func absoluteReplaces(t *testing.T, src, dst string) {
	t.Helper()
	out, err := exec.Command("go", "mod", "edit", "-json", filepath.Join(dst, "go.mod")).Output()
	if err != nil {
		t.Fatalf("go mod edit -json in %s: %v", dst, err)
	}
	var mod struct {
		Replace []struct {
			Old, New struct{ Path, Version string }
		}
	}
	if err := json.Unmarshal(out, &mod); err != nil {
		t.Fatalf("go mod edit -json in %s: %v", dst, err)
	}
	for _, r := range mod.Replace {
		if !strings.HasPrefix(r.New.Path, "./") && !strings.HasPrefix(r.New.Path, "../") {
			continue
		}
		old := r.Old.Path
		if r.Old.Version != "" {
			old += "@" + r.Old.Version
		}
		run(t, dst, nil, "go", "mod", "edit", "-replace="+old+"="+filepath.Join(src, r.New.Path))
	}
}
