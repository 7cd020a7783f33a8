package postgres

import (
	"strings"

	"github.com/retortdb/retort/schema"
)

// objFunction builds a function or procedure from pg_get_functiondef.
// It is created before tables (a default, a check or a trigger may call
// it) unless its SQL-standard body uses a table. A LANGUAGE sql body in
// a string is checked at creation, so it is created with
// check_function_bodies off: the tables it reads may come later, as
// PL/pgSQL bodies may. Changes are CREATE OR REPLACE when the arguments
// and result stay (Attrs "signature"), else drop and create.
func objFunction(o *schema.SQLObject, nsp string, f []string) ([]*schema.SQLObject, error) {
	if err := objFields(f, 8); err != nil {
		return nil, err
	}
	def, identArgs, args, result, lang, atomic, comment, proname := strings.TrimSpace(f[0]), f[1], f[2], f[3], f[4], f[5], f[6], f[7]
	what := strings.ToUpper(o.Kind)
	target := qualified(o.Schema, proname) + "(" + identArgs + ")"
	o.Definition = def
	if comment != "" {
		o.Definition += "\nCOMMENT " + literal(comment)
	}
	create := []string{def}
	if lang == "sql" && atomic != "true" {
		create = []string{"SET check_function_bodies = off", def, "RESET check_function_bodies"}
	}
	o.Create = append(create, objComment(what, target, comment)...)
	o.Drop = []string{"DROP " + what + " " + target}
	o.InPlace = true
	o.Attrs = map[string]string{"signature": args + " RETURNS " + result, "body": def, "comment": comment, "target": target}
	o.Fixed = o.Attrs["signature"] // CREATE OR REPLACE keeps arguments and result
	for _, d := range o.Deps {
		if strings.HasPrefix(d, "table\x00") {
			o.Phase = schema.AfterTables
		}
	}
	return nil, nil
}
