package schema

import "encoding/json"

// Clone returns a deep copy, so callers can apply operations to a schema
// without touching the reflected original. JSON (not gob) keeps pointers
// to zero values, such as a Default of "" or an empty Generated.
func (s *Schema) Clone() *Schema {
	data, err := json.Marshal(s)
	if err != nil {
		panic("schema: clone encode: " + err.Error())
	}
	out := new(Schema)
	if err := json.Unmarshal(data, out); err != nil {
		panic("schema: clone decode: " + err.Error())
	}
	return out
}

// Clone returns a deep copy of the table.
func (t *Table) Clone() *Table {
	s := (&Schema{Tables: []*Table{t}}).Clone()
	return s.Tables[0]
}
