package postgres

import (
	"fmt"
	"slices"
	"strings"

	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/schema"
)

// alterColumn renders a column change as one ALTER COLUMN statement per
// aspect, in an order where each step is valid: defaults and identities
// go before the type change they could block, NOT NULL before an
// identity is added. Sequences are never reset, only moved forward.
func (r *renderer) alterColumn(o op.AlterColumn) error {
	from, to := o.From, o.To
	col := quote(to.Name)
	alter := func(clause string) { r.alter(o.Table, "ALTER COLUMN "+col+" "+clause) }

	if to.Generated != nil && !sameGenerated(from.Generated, to.Generated) {
		// PostgreSQL cannot change or add a generation expression in
		// place; the values are derived, so dropping the column loses
		// nothing the model holds. What it does not hold would go with
		// the column unnoticed.
		if u := r.unmanagedNaming(o.Table, from.Name); u != nil {
			return fmt.Errorf("changing the generation expression of %s.%s drops and adds the column, which would lose %s %s that retort does not manage; drop it in a revision of its own first (and create it again after)",
				o.Table, from.Name, u.Kind, u.Name)
		}
		r.alter(o.Table, "DROP COLUMN "+col)
		r.alter(o.Table, "ADD COLUMN "+columnDef(to))
		r.columnComment(o.Table, to, "")
		return nil
	}
	if from.Generated != nil && to.Generated == nil {
		alter("DROP EXPRESSION")
	}
	hadDefault := from.Default != nil && !from.AutoIncrement && from.Generated == nil && from.Identity == ""
	if from.AutoIncrement && !to.AutoIncrement {
		alter("DROP DEFAULT")
		// The serial's sequence goes too: left, it is a standalone one.
		r.emit(fmt.Sprintf("DO $retort$BEGIN EXECUTE format('DROP SEQUENCE %%s', pg_get_serial_sequence(%s, %s)); END$retort$",
			literal(tableName(o.Table)), literal(from.Name)))
		hadDefault = false
	}
	if from.Identity != "" && to.Identity == "" {
		alter("DROP IDENTITY IF EXISTS")
	}
	retype := !strings.EqualFold(from.Type, to.Type) || from.Collation != to.Collation
	if retype {
		// An old default may not cast to the new type; it is set again below.
		if hadDefault && needsUsing(from.Type, to.Type) {
			alter("DROP DEFAULT")
			hadDefault = false
		}
		clause := "TYPE " + to.Type
		if to.Collation != "" {
			clause += " COLLATE " + quote(to.Collation)
		}
		if needsUsing(from.Type, to.Type) {
			clause += " USING " + col + "::" + to.Type
		}
		alter(clause)
		if from.AutoIncrement && to.AutoIncrement && to.Identity == "" {
			// A serial's sequence keeps its old type (and limit); an
			// identity's follows the column by itself.
			r.emit(fmt.Sprintf("DO $retort$BEGIN EXECUTE format('ALTER SEQUENCE %%s AS %s', pg_get_serial_sequence(%s, %s)); END$retort$",
				strings.ReplaceAll(to.Type, "'", "''"), literal(tableName(o.Table)), literal(to.Name)))
		}
	}
	if from.Nullable != to.Nullable {
		if to.Nullable {
			alter("DROP NOT NULL")
		} else {
			alter("SET NOT NULL")
		}
	}
	wantDefault := to.Default != nil && !to.AutoIncrement && to.Generated == nil && to.Identity == ""
	switch {
	case wantDefault && (!hadDefault || *from.Default != *to.Default):
		alter("SET DEFAULT " + *to.Default)
	case !wantDefault && hadDefault:
		alter("DROP DEFAULT")
	}
	switch {
	case from.Identity == "" && to.Identity != "":
		alter("ADD GENERATED " + strings.ToUpper(string(to.Identity)) + " AS IDENTITY" + identityOptions(to))
		r.advanceSequence(o.Table, to.Name, fmt.Sprintf("pg_get_serial_sequence(%s, %s)", literal(tableName(o.Table)), literal(to.Name)))
	case from.Identity != "" && to.Identity != "":
		if !strings.EqualFold(string(from.Identity), string(to.Identity)) {
			alter("SET GENERATED " + strings.ToUpper(string(to.Identity)))
		}
		if !sameSeqOptions(from.IdentityOpts, to.IdentityOpts) {
			r.identityOptions(o.Table, from, to)
		}
	}
	if to.AutoIncrement && !from.AutoIncrement && to.Identity == "" {
		seq := qualified(o.Table.Schema, seqName(o.Table.Name, to.Name))
		r.emit(fmt.Sprintf("CREATE SEQUENCE IF NOT EXISTS %s AS %s OWNED BY %s.%s", seq, to.Type, tableName(o.Table), col))
		r.advanceSequence(o.Table, to.Name, literal(seq))
		alter(fmt.Sprintf("SET DEFAULT nextval(%s::regclass)", literal(seq)))
	}
	r.columnComment(o.Table, to, from.Comment)
	return nil
}

// advanceSequence moves a new column sequence past the column's values
// (never back: nextval only moves forward, a skipped number is harmless),
// so existing rows do not collide with new ones.
func (r *renderer) advanceSequence(t op.Ref, col, seqExpr string) {
	r.emit(fmt.Sprintf("SELECT setval(%[1]s, GREATEST((SELECT COALESCE(max(%[2]s), 0) + 1 FROM %[3]s), nextval(%[1]s)), false)",
		seqExpr, quote(col), tableName(t)))
}

// seqName is the sequence name serial would pick, within 63 bytes.
func seqName(table, col string) string {
	n := table + "_" + col + "_seq"
	if len(n) > 63 {
		n = n[:63]
	}
	return n
}

func sameSeqOptions(a, b *schema.SeqOptions) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return *a == *b
}

func sameGenerated(a, b *schema.Generated) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return a.Expr == b.Expr && a.Stored == b.Stored
}

// needsUsing reports whether a type change needs an explicit cast: the
// families differ and the target is not a string type (everything
// converts to strings by assignment). An explicit cast where an
// assignment cast exists could silently truncate (varchar(10) to (5)).
func needsUsing(from, to string) bool {
	f, t := typeFamily(from), typeFamily(to)
	return f != t && t != "string"
}

func typeFamily(typ string) string {
	t := strings.ToLower(strings.TrimSpace(typ))
	array := strings.HasSuffix(t, "[]")
	t = strings.TrimSuffix(t, "[]")
	if i := strings.IndexByte(t, '('); i >= 0 {
		t = strings.TrimSpace(t[:i])
	}
	fam := t
	switch t {
	case "text", "character varying", "varchar", "character", "char", "bpchar", "name", "citext":
		fam = "string"
	case "smallint", "integer", "bigint", "numeric", "decimal", "real", "double precision", "int", "int2", "int4", "int8", "float4", "float8":
		fam = "number"
	}
	if array {
		return fam + "[]"
	}
	return fam
}

// alterEnum adds values with ADD VALUE ... BEFORE/AFTER; removing or
// reordering values rebuilds the type (render_enum.go).
func (r *renderer) alterEnum(o op.AlterEnum) error {
	if !enumAppends(o.From, o.To) {
		return r.rebuildEnum(o)
	}
	name := qualified(o.Schema, o.Name)
	have := slices.Clone(o.From)
	for i, v := range o.To {
		if slices.Contains(have, v) {
			continue
		}
		if i > 0 {
			r.emit(fmt.Sprintf("ALTER TYPE %s ADD VALUE %s AFTER %s", name, literal(v), literal(o.To[i-1])))
		} else if len(have) > 0 {
			r.emit(fmt.Sprintf("ALTER TYPE %s ADD VALUE %s BEFORE %s", name, literal(v), literal(have[0])))
		} else {
			r.emit(fmt.Sprintf("ALTER TYPE %s ADD VALUE %s", name, literal(v)))
		}
		have = append(have, v)
	}
	return nil
}

// identityOptions sets every option of an identity, so that one left out
// returns to its default. When the bounds change, the sequence's current
// value may fall outside them, which ALTER refuses: it restarts at that
// value moved inside the bounds, then past the column's values.
func (r *renderer) identityOptions(t op.Ref, from, to *schema.Column) {
	want := seqDefaults(to.Type, 1)
	if to.IdentityOpts != nil {
		want = *to.IdentityOpts
	}
	had := seqDefaults(from.Type, 1)
	if from.IdentityOpts != nil {
		had = *from.IdentityOpts
	}
	stmt := "ALTER TABLE " + tableName(t) + " ALTER COLUMN " + quote(to.Name) + " " + seqOptionsSQL(want, "SET ")
	if want.Min == had.Min && want.Max == had.Max {
		r.emit(stmt)
		return
	}
	seq := fmt.Sprintf("pg_get_serial_sequence(%s, %s)", literal(tableName(t)), literal(to.Name))
	r.emit(fmt.Sprintf("DO $retort$DECLARE v bigint; BEGIN EXECUTE 'SELECT last_value FROM ' || %s INTO v; "+
		"EXECUTE %s || ' RESTART WITH ' || GREATEST(%d, LEAST(%d, v)); END$retort$",
		seq, literal(stmt), want.Min, want.Max))
	r.advanceSequence(t, to.Name, seq)
}

// unmanagedNaming returns an object retort does not manage (extended
// statistics, column or index options) on table t whose name is column
// col or whose definition names it, nil when there is none.
func (r *renderer) unmanagedNaming(t op.Ref, col string) *schema.Object {
	if r.state == nil {
		return nil
	}
	for i, u := range r.state.Unmanaged {
		if !strings.EqualFold(u.Table, t.Name) || !strings.EqualFold(u.Schema, t.Schema) {
			continue
		}
		if strings.EqualFold(u.Name, col) || exprNames(u.Definition, col) {
			return &r.state.Unmanaged[i]
		}
	}
	return nil
}
