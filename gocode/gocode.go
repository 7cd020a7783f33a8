// Package gocode writes schema-change operations as a Go revision that
// uses the op.Builder, for `retort revision --autogenerate --format go`:
// the user compiles the file into their program and registers the
// revision in retort.Options.GoRevisions.
package gocode

import (
	"bytes"
	"fmt"
	"go/format"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/revision/revfile"
)

// Revision describes the Go revision file to write.
type Revision struct {
	Package   string // Go package name; "" means "migrations"
	ID        string
	Parents   []string
	DependsOn []string
	Message   string
	Up        []op.Op
	// Down is written as given; nil means op.ReverseAll(Up).
	Down []op.Op
}

const (
	modPath  = "github.com/retortdb/retort"
	opPath   = modPath + "/op"
	ctxPath  = "context"
	rootName = "retort"
)

// Source returns the revision as gofmt-ed Go source.
func Source(r Revision) ([]byte, error) {
	if r.ID == "" {
		return nil, fmt.Errorf("gocode: the revision has no id")
	}
	pkg := r.Package
	if pkg == "" {
		pkg = "migrations"
	}
	for i, o := range r.Up {
		if o == nil {
			return nil, fmt.Errorf("gocode: revision %s: operation %d is nil", r.ID, i+1)
		}
	}
	down := r.Down
	if down == nil {
		down = op.ReverseAll(r.Up)
	}
	w := &writer{lit: literal{imports: map[string]bool{ctxPath: true, modPath: true, opPath: true}}}
	var body strings.Builder
	name := "Rev" + r.ID
	fmt.Fprintf(&body, "// %s: %s\n", name, oneLine(r.Message))
	fmt.Fprintf(&body, "var %s = &%s.GoRevision{\n", name, rootName)
	fmt.Fprintf(&body, "ID: %s,\n", strconv.Quote(r.ID))
	if len(r.Parents) > 0 {
		fmt.Fprintf(&body, "Parents: %s,\n", stringsLit(r.Parents))
	}
	if len(r.DependsOn) > 0 {
		fmt.Fprintf(&body, "DependsOn: %s,\n", stringsLit(r.DependsOn))
	}
	fmt.Fprintf(&body, "Message: %s,\n", strconv.Quote(r.Message))
	for _, dir := range []struct {
		field string
		ops   []op.Op
	}{{"Up", r.Up}, {"Down", down}} {
		fmt.Fprintf(&body, "%s: func(ctx context.Context, o *op.Builder) error {\n", dir.field)
		for _, o := range dir.ops {
			if err := w.op(&body, o); err != nil {
				return nil, fmt.Errorf("gocode: revision %s: writing %s: %w", r.ID, o, err)
			}
		}
		body.WriteString("return o.Err()\n},\n")
	}
	body.WriteString("}\n")

	var out bytes.Buffer
	out.WriteString("// Revision " + r.ID + " written by retort revision --autogenerate --format go.\n")
	out.WriteString("// Edit it as needed; register it in retort.Options.GoRevisions.\n\n")
	fmt.Fprintf(&out, "package %s\n\nimport (\n", pkg)
	var paths []string
	for p := range w.lit.imports {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for i, p := range paths {
		// Standard library first, then a blank line, as goimports groups them.
		if i > 0 && !strings.Contains(paths[i-1], ".") && strings.Contains(p, ".") {
			out.WriteString("\n")
		}
		fmt.Fprintf(&out, "\t%s\n", strconv.Quote(p))
	}
	out.WriteString(")\n\n")
	out.WriteString(body.String())
	src, err := format.Source(out.Bytes())
	if err != nil {
		return nil, fmt.Errorf("gocode: formatting revision %s: %w\n%s", r.ID, err, out.String())
	}
	return src, nil
}

// FileName is "<id>_<slug>.go", the revision file name with .go.
func FileName(id, message string) string {
	return strings.TrimSuffix(revfile.FileName(id, message), ".sql") + ".go"
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func stringsLit(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = strconv.Quote(s)
	}
	return "[]string{" + strings.Join(q, ", ") + "}"
}

type writer struct{ lit literal }

// add writes o as an o.Add call with the operation as a literal: the
// fallback for what no builder method expresses exactly.
func (w *writer) add(b *strings.Builder, o op.Op) {
	b.WriteString("o.Add(")
	w.lit.write(b, reflect.ValueOf(o))
	b.WriteString(")\n")
}

func call(b *strings.Builder, method string, args ...string) {
	fmt.Fprintf(b, "o.%s(%s)\n", method, strings.Join(args, ", "))
}

func q(s string) string { return strconv.Quote(s) }

func qs(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = q(s)
	}
	return out
}
