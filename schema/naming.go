package schema

import "strings"

// ConstraintKind names a kind of constraint, or an index, as naming
// templates and renames spell it.
type ConstraintKind string

const (
	KindPrimaryKey ConstraintKind = "pk"
	KindForeignKey ConstraintKind = "fk"
	KindUnique     ConstraintKind = "uq"
	KindCheck      ConstraintKind = "ck"
	KindExclusion  ConstraintKind = "ex"
	KindIndex      ConstraintKind = "ix" // naming only: indexes are not constraints
)

// Naming builds deterministic names for constraints and indexes retort
// creates. The zero value uses PostgreSQL's own convention, uncut.
type Naming struct {
	// Templates per kind, with {table} and {columns} placeholders. The keys
	// are ConstraintKind values ("fk", "uq", "ck", "ix", "pk"), kept as
	// strings as the config file spells them; missing kinds use the
	// defaults.
	Templates map[string]string
	// MaxLen is the length in bytes names are cut to, the target
	// dialect's (dialect.Capabilities.NameLimit); 0 leaves them whole.
	MaxLen int
	// KeepUnnamedChecks leaves a CHECK the schema wrote without a name
	// unnamed unless a "ck" template is set: the dialect never drops a
	// constraint by name (dialect.Capabilities.UnnamedChecks, SQLite).
	KeepUnnamedChecks bool
}

// NamesChecks reports whether unnamed checks get a name.
func (n Naming) NamesChecks() bool {
	return !n.KeepUnnamedChecks || n.Templates[string(KindCheck)] != ""
}

var defaultTemplates = map[ConstraintKind]string{
	KindPrimaryKey: "{table}_pkey",
	KindForeignKey: "{table}_{columns}_fkey",
	KindUnique:     "{table}_{columns}_key",
	KindCheck:      "{table}_{columns}_check",
	KindExclusion:  "{table}_{columns}_excl",
	KindIndex:      "{table}_{columns}_idx",
}

// Name returns the name for a constraint or index of kind on table over
// columns. Names longer than MaxLen are cut the way PostgreSQL cuts its
// own.
func (n Naming) Name(kind ConstraintKind, table string, columns []string) string {
	tmpl := n.Templates[string(kind)]
	if tmpl == "" {
		tmpl = defaultTemplates[kind]
	}
	if tmpl == "" {
		tmpl = "{table}_{columns}_" + string(kind)
	}
	name := strings.NewReplacer("{table}", table, "{columns}", strings.Join(columns, "_")).Replace(tmpl)
	return n.cut(name)
}

// IndexName is the convention's name for an index on table; expression
// parts count as "expr".
func (n Naming) IndexName(table string, ix *Index) string {
	cols := make([]string, 0, len(ix.Parts))
	for _, p := range ix.Parts {
		if p.Column != "" {
			cols = append(cols, p.Column)
		} else {
			cols = append(cols, "expr")
		}
	}
	return n.Name(KindIndex, table, cols)
}

// cut shortens name to MaxLen bytes.
func (n Naming) cut(name string) string {
	if n.MaxLen > 0 && len(name) > n.MaxLen {
		return name[:n.MaxLen]
	}
	return name
}
