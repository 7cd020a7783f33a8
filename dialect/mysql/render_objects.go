package mysql

import "github.com/retortdb/retort/op"

// alterObject renders a changed SQL object: a sequence in place (see
// alterSequence), an event in place with the ALTER EVENT its reflection
// prepared (unless it loses its ENDS, which ALTER EVENT cannot remove),
// anything else dropped and created.
func (r *renderer) alterObject(o op.AlterObject) {
	if r.alterSequence(o) {
		return
	}
	losesEnds := o.From.Attrs["ends"] != "" && o.To.Attrs["ends"] == ""
	if o.From.InPlace && o.To.InPlace && o.To.Attrs["alter"] != "" && !losesEnds {
		r.emit(o.To.Attrs["alter"])
		return
	}
	stmts, _ := op.ObjectStatements(o)
	for _, s := range stmts {
		r.emit(s)
	}
}
