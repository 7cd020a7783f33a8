package schemasource

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
)

// discover returns the names of the models among the package's files, in
// file and declaration order. A struct counts when it embeds the ORM's
// base type, has one of its struct tags, or embeds a struct of the
// package that counts; a struct only ever embedded by others (a mixin
// such as type Base struct{ gorm.Model }) is not a table of its own.
func discover(o orm, dir string, files []string) ([]string, error) {
	fset := token.NewFileSet()
	type candidate struct {
		name   string
		st     *ast.StructType
		direct bool     // embeds the base type or has the tag
		embeds []string // structs of this package it embeds
	}
	var all []*candidate
	byName := map[string]*candidate{}
	for _, file := range files {
		f, err := parser.ParseFile(fset, filepath.Join(dir, file), nil, parser.SkipObjectResolution)
		if err != nil {
			return nil, fmt.Errorf("parsing %s failed: %w", file, err)
		}
		baseName := importName(f, o.pkg)
		for _, decl := range f.Decls {
			gen, ok := decl.(*ast.GenDecl)
			if !ok || gen.Tok != token.TYPE {
				continue
			}
			for _, spec := range gen.Specs {
				ts := spec.(*ast.TypeSpec)
				st, ok := ts.Type.(*ast.StructType)
				if !ok || ts.TypeParams != nil || ts.Assign.IsValid() {
					continue
				}
				c := &candidate{name: ts.Name.Name, st: st}
				for _, field := range st.Fields.List {
					if o.tag != "" && field.Tag != nil {
						if tag, err := strconv.Unquote(field.Tag.Value); err == nil {
							if _, has := reflect.StructTag(tag).Lookup(o.tag); has {
								c.direct = true
							}
						}
					}
					if len(field.Names) > 0 {
						continue
					}
					typ := field.Type
					if star, ok := typ.(*ast.StarExpr); ok {
						typ = star.X
					}
					switch t := typ.(type) {
					case *ast.SelectorExpr:
						if x, ok := t.X.(*ast.Ident); ok && baseName != "" && x.Name == baseName && t.Sel.Name == o.base {
							c.direct = true
						}
					case *ast.Ident:
						c.embeds = append(c.embeds, t.Name)
					}
				}
				all = append(all, c)
				byName[c.name] = c
			}
		}
	}
	// A struct counts when it or a struct it embeds (transitively) does.
	memo := map[string]bool{}
	var counts func(c *candidate, seen map[string]bool) bool
	counts = func(c *candidate, seen map[string]bool) bool {
		if v, ok := memo[c.name]; ok {
			return v
		}
		if seen[c.name] {
			return false
		}
		seen[c.name] = true
		v := c.direct
		for _, e := range c.embeds {
			if inner := byName[e]; inner != nil && counts(inner, seen) {
				v = true
			}
		}
		memo[c.name] = v
		return v
	}
	mixins := map[string]bool{}
	for _, c := range all {
		for _, e := range c.embeds {
			mixins[e] = true
		}
	}
	var models []string
	for _, c := range all {
		if ast.IsExported(c.name) && !mixins[c.name] && counts(c, map[string]bool{}) {
			models = append(models, c.name)
		}
	}
	return models, nil
}

// importName is the name under which f imports path, "" when it does
// not (or imports it blank or into the file's scope).
func importName(f *ast.File, path string) string {
	for _, imp := range f.Imports {
		p, err := strconv.Unquote(imp.Path.Value)
		if err != nil || p != path {
			continue
		}
		if imp.Name != nil {
			if imp.Name.Name == "_" || imp.Name.Name == "." {
				return ""
			}
			return imp.Name.Name
		}
		return lastElem(path)
	}
	return ""
}

// lastElem is the last element of an import path, the package's usual
// name (gorm.io/gorm -> gorm, github.com/uptrace/bun -> bun).
func lastElem(path string) string {
	return path[strings.LastIndexByte(path, '/')+1:]
}
