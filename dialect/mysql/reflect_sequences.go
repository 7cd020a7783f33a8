package mysql

import (
	"context"
	"fmt"
	"strings"

	"github.com/retortdb/retort/schema"
)

// MariaDB sequences are SQL objects of kind "sequence", created before
// tables (a DEFAULT NEXT VALUE FOR s uses one) and changed in place with
// ALTER SEQUENCE: dropping and creating one would reset its value. The
// next value is left out of the definition, since it moves with use.
//
// MariaDB before 11.5 has no catalog view of a sequence's options, and
// SHOW CREATE SEQUENCE is one statement per sequence. A sequence reads as
// a one-row table of its options, so one UNION ALL over all sequences
// reads them all in a single query, run only when there are sequences.
// The list of sequences, with their comments, comes from the query of
// information_schema.TABLES that loadTables makes anyway.

// sequenceRow is a sequence as loadTables found it.
type sequenceRow struct{ name, comment string }

func (r *reflector) loadSequences(ctx context.Context) error {
	if len(r.sequences) == 0 {
		return nil
	}
	parts := make([]string, len(r.sequences))
	for i, s := range r.sequences {
		parts[i] = fmt.Sprintf("SELECT %d, start_value, minimum_value, maximum_value, increment, cache_size, cycle_option FROM %s.%s",
			i, quote(r.db), quote(s.name))
	}
	rows, err := r.q.QueryContext(ctx, strings.Join(parts, "\nUNION ALL\n"))
	if err != nil {
		return fmt.Errorf("reflect sequence options of database %s: %w", r.db, err)
	}
	defer rows.Close()
	for rows.Next() {
		var i int
		var o seqOptions
		if err := rows.Scan(&i, &o.start, &o.min, &o.max, &o.increment, &o.cache, &o.cycle); err != nil {
			return fmt.Errorf("reflect sequence options of database %s: %w", r.db, err)
		}
		o.comment = r.sequences[i].comment
		r.s.Objects = append(r.s.Objects, o.object(r.sequences[i].name))
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("reflect sequence options of database %s: %w", r.db, err)
	}
	return nil
}

// seqOptions are a sequence's options as its table holds them.
type seqOptions struct {
	start, min, max, increment, cache int64
	cycle                             bool
	comment                           string
}

// clauses spells the options as CREATE and ALTER SEQUENCE take them.
func (o seqOptions) clauses() string {
	cycle := "NOCYCLE"
	if o.cycle {
		cycle = "CYCLE"
	}
	return fmt.Sprintf("START WITH %d MINVALUE %d MAXVALUE %d INCREMENT BY %d CACHE %d %s", o.start, o.min, o.max, o.increment, o.cache, cycle)
}

func (o seqOptions) object(name string) *schema.SQLObject {
	def := o.clauses()
	create := "CREATE SEQUENCE " + quote(name) + " " + def
	if o.comment != "" {
		def += " COMMENT " + literal(o.comment)
		create += " COMMENT " + literal(o.comment)
	}
	return &schema.SQLObject{
		Kind: "sequence", Name: name,
		Definition: def,
		Create:     []string{create},
		Drop:       []string{"DROP SEQUENCE " + quote(name)},
		Phase:      schema.BeforeTables,
		InPlace:    true,
		Attrs: map[string]string{
			"alter":   "ALTER SEQUENCE " + quote(name) + " " + o.clauses(),
			"comment": o.comment,
		},
	}
}

// unqualifyDefault drops the database name the server writes before a
// sequence in a default (nextval(`db`.`s`)), so the default reads the
// same in the scratch database and the target, and runs in either.
func unqualifyDefault(r *reflector, c *schema.Column) {
	if c.Default != nil {
		d := r.unqualify(*c.Default)
		c.Default = &d
	}
}
