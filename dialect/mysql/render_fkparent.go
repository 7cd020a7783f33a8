package mysql

import (
	"strings"

	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/schema"
)

// earlyParentChanges picks, of the changes of other tables inside a
// table's key span, those to its referenced tables that can run before
// the key is dropped: InnoDB only needs the referenced columns to lead
// some index of the parent, so a new key or index can be added first, and
// then an old primary key, unique key or index dropped, as long as one
// added before leads with the columns an old key references. The rest
// keep their order. A change to a referenced column itself (its type) is
// refused by the server while a key references it, so it stays between
// the drop and the re-add (lint's fk-gap finds it).
//
// oldRefs holds, per referenced table, the referenced columns of the keys
// the span drops.
func earlyParentChanges(others []op.Op, oldRefs map[op.Ref][][]string) (early, rest []op.Op) {
	// A parent whose own keys change in the window keeps its changes in
	// place: they belong to its own span.
	ownKeys := map[op.Ref]bool{}
	for _, o := range others {
		switch o.(type) {
		case op.DropForeignKey, op.AddForeignKey:
			ownKeys[o.TableRef()] = true
		}
	}
	parent := func(o op.Op) ([][]string, bool) {
		if ownKeys[o.TableRef()] {
			return nil, false
		}
		for r, cols := range oldRefs {
			if sameRef(r, o.TableRef()) {
				return cols, true
			}
		}
		return nil, false
	}
	moved := make([]bool, len(others))
	covers := map[op.Ref][][]string{} // leading columns of the indexes moved first
	// Additions first: a key or index (of a name nothing before it drops)
	// or a column, unless a column of the table changes before it.
	dropped := map[string]bool{}
	columnsChange := map[op.Ref]bool{}
	for i, o := range others {
		if _, ok := parent(o); !ok {
			continue
		}
		t := o.TableRef()
		switch o := o.(type) {
		case op.AddColumn:
			moved[i] = !columnsChange[t]
		case op.AddUnique:
			moved[i] = !columnsChange[t] && !dropped[strings.ToLower(t.Name+"."+o.Unique.Name)]
			if moved[i] {
				covers[t] = append(covers[t], o.Unique.Columns)
			}
		case op.CreateIndex:
			cols, plain := indexColumns(o.Index.Parts)
			moved[i] = !columnsChange[t] && !dropped[strings.ToLower(t.Name+"."+o.Index.Name)]
			if moved[i] && plain {
				covers[t] = append(covers[t], cols)
			}
		case op.DropUnique:
			dropped[strings.ToLower(t.Name+"."+o.Unique.Name)] = true
		case op.DropIndex:
			dropped[strings.ToLower(t.Name+"."+o.Index.Name)] = true
		case op.AlterColumn, op.DropColumn, op.RenameColumn:
			columnsChange[t] = true
		}
	}
	// Then the drops and replacements of keys, in order, while every old
	// key keeps an index to use, up to the first change of the table that
	// cannot move.
	stuck := map[op.Ref]bool{}
	for i, o := range others {
		refs, ok := parent(o)
		if !ok || moved[i] {
			continue
		}
		t := o.TableRef()
		var gone, kept []string
		switch o := o.(type) {
		case op.AlterPrimaryKey:
			if o.From != nil {
				gone = o.From.Columns
			}
			if o.To != nil {
				kept = o.To.Columns
			}
		case op.DropUnique:
			gone = o.Unique.Columns
		case op.DropIndex:
			gone, _ = indexColumns(o.Index.Parts)
		default:
			stuck[t] = true
			continue
		}
		if stuck[t] || !stillServed(refs, gone, append(covers[t][:len(covers[t]):len(covers[t])], kept)) {
			stuck[t] = true
			continue
		}
		moved[i] = true
		if kept != nil {
			covers[t] = append(covers[t], kept)
		}
	}
	var second []op.Op
	for i, o := range others {
		switch {
		case !moved[i]:
			rest = append(rest, o)
		case isAddition(o):
			early = append(early, o)
		default:
			second = append(second, o)
		}
	}
	return append(early, second...), rest
}

func isAddition(o op.Op) bool {
	switch o.(type) {
	case op.AddColumn, op.AddUnique, op.CreateIndex:
		return true
	}
	return false
}

// indexColumns are an index's columns; plain is false when a part is an
// expression or a prefix, which cannot serve a foreign key.
func indexColumns(parts []schema.IndexPart) (cols []string, plain bool) {
	plain = true
	for _, p := range parts {
		if p.Column == "" || p.Prefix > 0 {
			plain = false
		}
		cols = append(cols, p.Column)
	}
	return cols, plain
}

// stillServed reports whether, once an index leading with gone is
// dropped, each of refs still leads one of covers.
func stillServed(refs [][]string, gone []string, covers [][]string) bool {
	for _, r := range refs {
		if !leads(gone, r) {
			continue
		}
		ok := false
		for _, c := range covers {
			ok = ok || leads(c, r)
		}
		if !ok {
			return false
		}
	}
	return true
}

// leads reports whether index columns cols begin with ref, in order.
func leads(cols, ref []string) bool {
	if len(ref) == 0 || len(cols) < len(ref) {
		return false
	}
	for i := range ref {
		if !strings.EqualFold(cols[i], ref[i]) {
			return false
		}
	}
	return true
}
