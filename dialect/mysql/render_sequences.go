package mysql

import "github.com/retortdb/retort/op"

// alterSequence renders a changed sequence in place, keeping its value:
// ALTER SEQUENCE for its options and ALTER TABLE for its comment, which
// ALTER SEQUENCE does not take. It reports false for other objects.
func (r *renderer) alterSequence(o op.AlterObject) bool {
	if o.To.Kind != "sequence" || o.From.Kind != "sequence" || !o.From.InPlace || !o.To.InPlace || o.To.Attrs["alter"] == "" {
		return false
	}
	if o.From.Attrs["alter"] != o.To.Attrs["alter"] {
		r.emit(o.To.Attrs["alter"])
	}
	if o.From.Attrs["comment"] != o.To.Attrs["comment"] {
		r.emit("ALTER TABLE " + quote(o.To.Name) + " COMMENT = " + literal(o.To.Attrs["comment"]))
	}
	return true
}
