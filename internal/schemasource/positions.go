package schemasource

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
)

// relationPrefix starts the relation comments the loader modules write
// (retort's hint.RelationPrefix).
const relationPrefix = "-- retort:relation "

// declarations returns where the relations of the package's models are
// declared, "Type.Field" -> "file:line" with the file relative to base:
// struct fields for GORM and bun, the edge.To and edge.From calls of a
// schema's Edges method for ent. A file that does not parse has no
// positions; the loader's build reports it.
func declarations(o orm, dir string, files []string, base string) map[string]string {
	out := map[string]string{}
	if abs, err := filepath.Abs(base); err == nil {
		base = abs
	}
	if real, err := filepath.EvalSymlinks(base); err == nil {
		base = real // go list reports directories with links resolved
	}
	fset := token.NewFileSet()
	for _, file := range files {
		path := filepath.Join(dir, file)
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			continue
		}
		where := func(p token.Pos) string {
			name := path
			if rel, err := filepath.Rel(base, path); err == nil {
				name = rel
			}
			return filepath.ToSlash(name) + ":" + strconv.Itoa(fset.Position(p).Line)
		}
		if o.name == "ent" {
			entEdges(f, where, out)
			continue
		}
		ast.Inspect(f, func(n ast.Node) bool {
			ts, ok := n.(*ast.TypeSpec)
			if !ok {
				return true
			}
			if st, ok := ts.Type.(*ast.StructType); ok {
				for _, field := range st.Fields.List {
					for _, name := range field.Names {
						out[ts.Name.Name+"."+name.Name] = where(name.Pos())
					}
				}
			}
			return false
		})
	}
	return out
}

// entEdges records the edges each schema's Edges method declares.
func entEdges(f *ast.File, where func(token.Pos) string, out map[string]string) {
	edgePkg := importName(f, "entgo.io/ent/schema/edge")
	if edgePkg == "" {
		return
	}
	for _, decl := range f.Decls {
		fn, ok := decl.(*ast.FuncDecl)
		if !ok || fn.Name.Name != "Edges" || fn.Recv == nil || len(fn.Recv.List) != 1 || fn.Body == nil {
			continue
		}
		recv := fn.Recv.List[0].Type
		if star, ok := recv.(*ast.StarExpr); ok {
			recv = star.X
		}
		typ, ok := recv.(*ast.Ident)
		if !ok {
			continue
		}
		ast.Inspect(fn.Body, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) == 0 {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok || (sel.Sel.Name != "To" && sel.Sel.Name != "From") {
				return true
			}
			if pkg, ok := sel.X.(*ast.Ident); !ok || pkg.Name != edgePkg {
				return true
			}
			if lit, ok := call.Args[0].(*ast.BasicLit); ok && lit.Kind == token.STRING {
				if name, err := strconv.Unquote(lit.Value); err == nil {
					out[typ.Name+"."+name] = where(call.Pos())
				}
			}
			return true
		})
	}
}

// withDeclarations adds "at" (the file:line of the field or edge) to the
// relation comments of ddl about models of package importPath.
func withDeclarations(ddl, importPath string, at map[string]string) string {
	if !strings.Contains(ddl, relationPrefix) {
		return ddl
	}
	lines := strings.SplitAfter(ddl, "\n")
	for i, line := range lines {
		body, ok := strings.CutPrefix(line, relationPrefix)
		if !ok {
			continue
		}
		text := strings.TrimRight(body, "\r\n")
		var r struct{ Package, Model, Field, At string }
		if json.Unmarshal([]byte(text), &r) != nil || r.At != "" || r.Package != importPath || !strings.HasSuffix(text, "}") {
			continue
		}
		pos, ok := at[r.Model+"."+r.Field]
		if !ok {
			continue
		}
		quoted, _ := json.Marshal(pos)
		lines[i] = relationPrefix + strings.TrimSuffix(text, "}") + `,"at":` + string(quoted) + "}" + body[len(text):]
	}
	return strings.Join(lines, "")
}
