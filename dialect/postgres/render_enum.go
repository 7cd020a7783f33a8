package postgres

import (
	"fmt"
	"slices"
	"strings"

	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/schema"
)

// Enum values can be added in place (ALTER TYPE ... ADD VALUE) but never
// removed or reordered, so such a change rebuilds the type: a new type
// with the desired values, every column using the old one converted
// through text, the old type dropped. A row holding a removed value makes
// the conversion fail ("invalid input value for enum"), which rolls the
// revision back; lint counts the conversion as a narrowing type change,
// so removing a value is destructive.

// Names the rebuild gives the types it swaps, within 63 bytes.
const (
	enumNewPrefix = "_retort_new_"
	enumOldPrefix = "_retort_old_"
)

// enumUse is one table's columns of the rebuilt type and what depends on
// them that PostgreSQL will not convert by itself.
type enumUse struct {
	ref     op.Ref
	cols    []*schema.Column
	checks  []*schema.Check // expressions casting to the type
	indexes []*schema.Index // predicates or expressions casting to the type
}

// enumAppends reports whether to keeps every value of from in from's
// order, so ADD VALUE can get there.
func enumAppends(from, to []string) bool {
	j := 0
	for _, v := range to {
		if j < len(from) && from[j] == v {
			j++
		}
	}
	return j == len(from)
}

// rebuildEnum renders an enum change that removes or reorders values.
// Values removed go through a new type that takes the old one's name last
// (so lint sees each column change type); a reorder only renames the old
// type out of the way first (nothing can be lost).
func (r *renderer) rebuildEnum(o op.AlterEnum) error {
	uses, err := r.enumUses(o.Schema, o.Name)
	if err != nil {
		return err
	}
	name := qualified(o.Schema, o.Name)
	removes := slices.ContainsFunc(o.From, func(v string) bool { return !slices.Contains(o.To, v) })
	target := name
	if removes {
		target = qualified(o.Schema, enumTempName(enumNewPrefix, o.Name))
		r.emit(fmt.Sprintf("CREATE TYPE %s AS ENUM (%s)", target, literalList(o.To)))
	} else {
		r.emit(fmt.Sprintf("ALTER TYPE %s RENAME TO %s", name, quote(enumTempName(enumOldPrefix, o.Name))))
		r.emit(fmt.Sprintf("CREATE TYPE %s AS ENUM (%s)", name, literalList(o.To)))
	}
	for _, u := range uses {
		for _, ck := range u.checks {
			r.alter(u.ref, "DROP CONSTRAINT "+quote(ck.Name))
		}
		for _, ix := range u.indexes {
			r.emit("DROP INDEX " + qualified(u.ref.Schema, ix.Name))
		}
		var clauses []string
		for _, c := range u.cols {
			col := quote(c.Name)
			if c.Default != nil {
				// The old default does not cast to the new type by itself.
				clauses = append(clauses, "ALTER COLUMN "+col+" DROP DEFAULT")
			}
			typ, via := target, "text"
			if n := strings.Count(c.Type, "[]"); n > 0 {
				typ += strings.Repeat("[]", n)
				via += strings.Repeat("[]", n)
			}
			clauses = append(clauses, fmt.Sprintf("ALTER COLUMN %s TYPE %s USING %s::%s::%s", col, typ, col, via, typ))
		}
		r.alter(u.ref, strings.Join(clauses, ", "))
	}
	if removes {
		r.emit("DROP TYPE " + name)
		r.emit(fmt.Sprintf("ALTER TYPE %s RENAME TO %s", target, quote(o.Name)))
	} else {
		r.emit("DROP TYPE " + qualified(o.Schema, enumTempName(enumOldPrefix, o.Name)))
	}
	for _, u := range uses {
		var clauses []string
		for _, c := range u.cols {
			// A default naming a removed value is replaced by a later
			// column change; the desired schema cannot keep it.
			if c.Default != nil && enumDefaultKept(*c.Default, o.To) {
				clauses = append(clauses, "ALTER COLUMN "+quote(c.Name)+" SET DEFAULT "+*c.Default)
			}
		}
		if len(clauses) > 0 {
			r.alter(u.ref, strings.Join(clauses, ", "))
		}
		for _, ix := range u.indexes {
			r.emit(r.createIndex(u.ref, ix, false))
		}
		for _, ck := range u.checks {
			r.alter(u.ref, "ADD "+checkDef(ck))
		}
	}
	return nil
}

// enumTempName is prefix+name cut to PostgreSQL's 63 bytes.
func enumTempName(prefix, name string) string {
	n := prefix + name
	if len(n) > 63 {
		n = n[:63]
	}
	return n
}

// enumUses finds the columns of the type (and arrays of it) in every
// table, with the checks and indexes to recreate around their change. It
// refuses what a rebuild cannot carry: foreign keys over such a column
// (both sides would need the new type at once) and generated columns
// computed from one.
func (r *renderer) enumUses(sch, name string) ([]enumUse, error) {
	spellings := []string{qualified(sch, name)}
	if sch == "" {
		spellings = append(spellings, "public."+quote(name))
	}
	isType := func(typ string) bool {
		return slices.Contains(spellings, strings.TrimRight(strings.TrimSpace(typ), "[]"))
	}
	var uses []enumUse
	for _, t := range r.state.Tables {
		u := enumUse{ref: op.RefOf(t)}
		for _, c := range t.Columns {
			if isType(c.Type) {
				u.cols = append(u.cols, c)
			}
		}
		if len(u.cols) == 0 {
			continue
		}
		for _, c := range u.cols {
			for _, fk := range t.ForeignKeys {
				if slices.ContainsFunc(fk.Columns, func(k string) bool { return strings.EqualFold(k, c.Name) }) {
					return nil, fmt.Errorf("enum type %s: column %s.%s is in foreign key %s, which cannot survive the type rebuild that removing or reordering values needs; write this change by hand", qualified(sch, name), t.Name, c.Name, fk.Name)
				}
			}
			for _, g := range t.Columns {
				if g.Generated != nil && (enumCasts(g.Generated.Expr, spellings) || exprNames(g.Generated.Expr, c.Name)) {
					return nil, fmt.Errorf("enum type %s: generated column %s.%s is computed from %s, which PostgreSQL cannot retype during the type rebuild that removing or reordering values needs; write this change by hand", qualified(sch, name), t.Name, g.Name, c.Name)
				}
			}
		}
		for _, ck := range t.Checks {
			if enumCasts(ck.Expr, spellings) {
				if ck.Name == "" {
					return nil, fmt.Errorf("enum type %s: an unnamed check on %s uses the type and cannot be recreated around its rebuild", qualified(sch, name), t.Name)
				}
				u.checks = append(u.checks, ck)
			}
		}
		for _, ix := range t.Indexes {
			mentions := enumCasts(ix.Where, spellings)
			for _, p := range ix.Parts {
				mentions = mentions || enumCasts(p.Expr, spellings)
			}
			if mentions {
				u.indexes = append(u.indexes, ix)
			}
		}
		uses = append(uses, u)
	}
	for _, t := range r.state.Tables {
		for _, fk := range t.ForeignKeys {
			for _, u := range uses {
				if !strings.EqualFold(fk.RefTable, u.ref.Name) || fk.RefSchema != u.ref.Schema {
					continue
				}
				for _, c := range u.cols {
					if slices.ContainsFunc(fk.RefColumns, func(k string) bool { return strings.EqualFold(k, c.Name) }) {
						return nil, fmt.Errorf("enum type %s: column %s.%s is referenced by foreign key %s on %s, which cannot survive the type rebuild that removing or reordering values needs; write this change by hand", qualified(sch, name), u.ref.Name, c.Name, fk.Name, t.Name)
					}
				}
			}
		}
	}
	return uses, nil
}

// enumCasts reports whether a deparsed expression casts to the type
// ('ok'::mood): PostgreSQL re-parses such an expression when the column
// changes type, and the old type's constant no longer compares.
func enumCasts(expr string, spellings []string) bool {
	for rest := expr; ; {
		i := strings.Index(rest, "::")
		if i < 0 {
			return false
		}
		rest = rest[i+2:]
		end := strings.IndexFunc(rest, func(c rune) bool {
			return !(c == '_' || c == '.' || c == '"' || c == '$' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c > 127)
		})
		if end < 0 {
			end = len(rest)
		}
		if slices.Contains(spellings, rest[:end]) {
			return true
		}
	}
}

// exprNames reports whether expr names the column as a word.
func exprNames(expr, col string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(expr), func(c rune) bool {
		return !(c == '_' || c == '$' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c > 127)
	}) {
		if w == strings.ToLower(col) {
			return true
		}
	}
	return false
}

// enumDefaultKept reports whether a default ('ok'::mood, '{a,b}'::mood[])
// names only values the new type has; a default in any other form is
// kept, and PostgreSQL checks it.
func enumDefaultKept(def string, values []string) bool {
	lit, _, ok := strings.Cut(def, "::")
	if !ok || len(lit) < 2 || lit[0] != '\'' || lit[len(lit)-1] != '\'' {
		return true
	}
	v := strings.ReplaceAll(lit[1:len(lit)-1], "''", "'")
	if strings.HasPrefix(v, "{") && strings.HasSuffix(v, "}") {
		for _, e := range strings.Split(v[1:len(v)-1], ",") {
			if e = strings.Trim(strings.TrimSpace(e), `"`); e != "" && !slices.Contains(values, e) {
				return false
			}
		}
		return true
	}
	return slices.Contains(values, v)
}
