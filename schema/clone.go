package schema

import (
	"bytes"
	"encoding/gob"
)

// Clone returns a deep copy, so callers can apply operations to a schema
// without touching the reflected original.
func (s *Schema) Clone() *Schema {
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(s); err != nil {
		panic("schema: clone encode: " + err.Error())
	}
	out := new(Schema)
	if err := gob.NewDecoder(&buf).Decode(out); err != nil {
		panic("schema: clone decode: " + err.Error())
	}
	return out
}

// Clone returns a deep copy of the table.
func (t *Table) Clone() *Table {
	s := (&Schema{Tables: []*Table{t}}).Clone()
	return s.Tables[0]
}
