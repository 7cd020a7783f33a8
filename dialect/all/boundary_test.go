package all

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/dialect/mysql"
	"github.com/retortdb/retort/dialect/postgres"
	"github.com/retortdb/retort/dialect/sqlite"
)

const module = "github.com/retortdb/retort"

// TestDialectKnowledgeStaysInDialects keeps the dialect contract the only
// way in. Outside the dialect packages (dialect/ itself included), no
// code compares anything with a dialect's name or URL scheme; outside
// dialect/, no package imports a dialect (only a main package may import
// dialect/all to register them), no code names a rebuild table prefix,
// and only the runner, which owns them, names the bookkeeping tables.
// Test files are exempt: tests run against every dialect; so are the
// examples, which are users' programs and check retort's output per
// database.
func TestDialectKnowledgeStaysInDialects(t *testing.T) {
	k := knowledge{names: map[string]bool{}, words: append([]string(nil), dialect.BookkeepingTables...)}
	for _, d := range []dialect.Dialect{sqlite.Dialect{}, postgres.Dialect{}, mysql.Dialect{}} {
		k.names[d.Name()] = true
		for _, s := range d.Schemes() {
			k.names[s] = true
		}
		if p := d.Capabilities().RebuildPrefix; p != "" {
			k.words = append(k.words, p)
		}
	}
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	err = filepath.WalkDir(root, func(file string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, file)
		rel = filepath.ToSlash(rel)
		if e.IsDir() {
			if strings.HasPrefix(rel, "dialect/") || rel == "examples" || e.Name() == "testdata" || rel != "." && strings.HasPrefix(e.Name(), ".") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(file, ".go") || strings.HasSuffix(file, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), file, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		checked++
		for _, p := range k.problems(f, path.Dir(rel)) {
			t.Errorf("%s: %s", rel, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 50 {
		t.Fatalf("checked only %d files under %s; is the walk wrong?", checked, root)
	}
}

// knowledge is what only dialect packages may know.
type knowledge struct {
	names map[string]bool // dialect names and URL schemes
	words []string        // table names and prefixes: bookkeeping, rebuilds
}

// problems lists what file f of package directory dir (relative to the
// module root) must not do.
func (k knowledge) problems(f *ast.File, dir string) []string {
	var out []string
	for _, imp := range f.Imports {
		pkg, _ := strconv.Unquote(imp.Path.Value)
		sub, ok := strings.CutPrefix(pkg, module+"/dialect/")
		if !ok {
			continue
		}
		if sub == "all" && f.Name.Name == "main" {
			continue
		}
		out = append(out, "imports "+pkg+"; use the dialect.Dialect contract")
	}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.BasicLit:
			s, ok := stringLit(n)
			if !ok || dir == "dialect" {
				break
			}
			for _, w := range k.words {
				if strings.Contains(s, w) && !(dir == "runner" && dialect.IsBookkeeping(w)) {
					out = append(out, "names "+w+", which only the dialects (and the runner, for its tables) may")
				}
			}
		case *ast.BinaryExpr:
			if n.Op == token.EQL || n.Op == token.NEQ {
				out = append(out, k.dialectNames(n.X, n.Y)...)
			}
		case *ast.CaseClause:
			out = append(out, k.dialectNames(n.List...)...)
		case *ast.CallExpr:
			if sel, ok := n.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "EqualFold" {
				out = append(out, k.dialectNames(n.Args...)...)
			}
		}
		return true
	})
	return out
}

// dialectNames reports the expressions that are a dialect's name or
// scheme as a string literal: code that tests which dialect it has.
func (k knowledge) dialectNames(exprs ...ast.Expr) []string {
	var out []string
	for _, e := range exprs {
		lit, ok := e.(*ast.BasicLit)
		if !ok {
			continue
		}
		if s, ok := stringLit(lit); ok && k.names[strings.ToLower(s)] {
			out = append(out, "tests for the dialect "+strconv.Quote(s)+"; use dialect.Capabilities or a method of the contract")
		}
	}
	return out
}

func stringLit(lit *ast.BasicLit) (string, bool) {
	if lit.Kind != token.STRING {
		return "", false
	}
	s, err := strconv.Unquote(lit.Value)
	return s, err == nil
}
