package postgres

import (
	"fmt"

	"github.com/retortdb/retort/schema"
)

// objSequence builds a standalone sequence; its OWNED BY is a separate
// object created after tables (the column must exist first) and removed
// before them (dropping the table would drop the sequence with it).
// Options change in place with ALTER SEQUENCE, which keeps the value.
func objSequence(o *schema.SQLObject, nsp string, f []string) ([]*schema.SQLObject, error) {
	if err := objFields(f, 11); err != nil {
		return nil, err
	}
	cycle := "NO CYCLE"
	if f[6] == "true" {
		cycle = "CYCLE"
	}
	opts := fmt.Sprintf("AS %s INCREMENT BY %s MINVALUE %s MAXVALUE %s START WITH %s CACHE %s %s", f[0], f[2], f[3], f[4], f[1], f[5], cycle)
	o.Definition = opts
	if f[7] != "" {
		o.Definition += " COMMENT " + literal(f[7])
	}
	o.Create = append([]string{"CREATE SEQUENCE " + objName(o) + " " + opts}, objComment("SEQUENCE", objName(o), f[7])...)
	o.Drop = []string{"DROP SEQUENCE " + objName(o)}
	o.InPlace = true
	o.Attrs = map[string]string{"options": opts, "comment": f[7]}
	if f[9] == "" {
		return nil, nil
	}
	// The owner is reflected in the sequence's schema; a table of another
	// schema is named qualified.
	table := f[9]
	if f[8] != nsp {
		table = f[8] + "." + f[9]
	}
	col := qualified(f[8], f[9]) + "." + quote(f[10])
	owner := &schema.SQLObject{Kind: "sequence owner", Table: table, Name: o.Name,
		Definition: "OWNED BY " + col,
		Create:     []string{"ALTER SEQUENCE " + objName(o) + " OWNED BY " + col},
		Drop:       []string{"ALTER SEQUENCE " + objName(o) + " OWNED BY NONE"},
		Phase:      schema.AfterTables,
		Deps:       []string{o.Key()},
	}
	if f[8] == nsp {
		owner.Deps = append(owner.Deps, schema.TableKey(o.Schema, f[9]))
	}
	return []*schema.SQLObject{owner}, nil
}
