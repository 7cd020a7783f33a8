package cli

import (
	"go/build"
	"slices"
	"strings"
	"testing"
)

// TestImportsOnlyTheLibrary: the command line goes through the retort
// package, the library's only door, and config; it imports no other
// package of the module (test files may, to build inputs).
func TestImportsOnlyTheLibrary(t *testing.T) {
	const module = "github.com/retortdb/retort"
	allowed := map[string]bool{module: true, module + "/config": true}
	pkg, err := build.ImportDir(".", 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(pkg.Imports) == 0 {
		t.Fatal("found no imports: not the CLI package's directory?")
	}
	for _, path := range pkg.Imports {
		if strings.HasPrefix(path, module+"/") && !allowed[path] {
			t.Errorf("the CLI imports %s; go through the retort package (or config) instead", path)
		}
	}
	if !slices.Contains(pkg.Imports, module) {
		t.Errorf("the CLI does not import %s: imports are %v", module, pkg.Imports)
	}
}
