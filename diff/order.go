package diff

import (
	"fmt"
	"sort"
	"strings"

	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/schema"
)

// opName is the name of the object an op acts on, for sorting within a
// phase; unnamed constraints sort by their content.
func opName(o op.Op) string {
	switch o := o.(type) {
	case op.AddForeignKey:
		return fkSortKey(o.FK)
	case op.DropForeignKey:
		return fkSortKey(o.FK)
	case op.AddUnique:
		return o.Unique.Name + "\x00" + strings.Join(o.Unique.Columns, ",")
	case op.DropUnique:
		return o.Unique.Name + "\x00" + strings.Join(o.Unique.Columns, ",")
	case op.AddCheck:
		return o.Check.Name + "\x00" + o.Check.Expr
	case op.DropCheck:
		return o.Check.Name + "\x00" + o.Check.Expr
	case op.CreateIndex:
		return o.Index.Name
	case op.DropIndex:
		return o.Index.Name
	case op.RenameConstraint:
		return o.Old
	case op.RenameIndex:
		return o.Old
	}
	return o.String()
}

func fkSortKey(fk *schema.ForeignKey) string {
	return fmt.Sprintf("%s\x00%s\x00%s.%s\x00%s", fk.Name, strings.Join(fk.Columns, ","),
		fk.RefSchema, fk.RefTable, strings.Join(fk.RefColumns, ","))
}

// opKind orders kinds inside one table's slice of a phase (checks before
// uniques on drop and add alike).
func opKind(o op.Op) int {
	switch o.(type) {
	case op.DropCheck, op.AddCheck, op.RenameConstraint:
		return 0
	case op.DropUnique, op.AddUnique, op.RenameIndex:
		return 1
	}
	return 2
}

// sortByName sorts one table's ops of a phase by kind, then name.
func sortByName(ops []op.Op) {
	sort.SliceStable(ops, func(i, j int) bool {
		if ki, kj := opKind(ops[i]), opKind(ops[j]); ki != kj {
			return ki < kj
		}
		return opName(ops[i]) < opName(ops[j])
	})
}

// sortByTableAndName sorts a phase gathered from several tables.
func sortByTableAndName(ops []op.Op) {
	sort.SliceStable(ops, func(i, j int) bool {
		ri, rj := ops[i].TableRef(), ops[j].TableRef()
		if ri != rj {
			return lessKey(tkey{ri.Schema, ri.Name}, tkey{rj.Schema, rj.Name})
		}
		return opName(ops[i]) < opName(ops[j])
	})
}
