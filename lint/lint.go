// Package lint finds hazards in pending revisions before they run: foreign
// keys without an index, destructive statements nobody allowed, locking
// hazards on PostgreSQL, SQLite rebuilds that would cascade-delete,
// tables left without their foreign key between statements that commit
// on their own; and where ORM models and the database disagree about a
// relation.
package lint

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/hint"
	"github.com/retortdb/retort/revision"
	"github.com/retortdb/retort/schema"
)

// Severity orders findings; errors make `retort lint` exit 1.
type Severity string

const (
	Error   Severity = "error"
	Warning Severity = "warning"
)

// Finding is one hazard, located at a file and line when it comes from a
// statement.
type Finding struct {
	Rule     string
	Severity Severity
	File     string
	Line     int
	Message  string
	// Table and Column name what the finding is about, when it is about
	// one table (Column "" for the whole table).
	Table, Column string
}

func (f Finding) String() string {
	where := f.File
	if f.Line > 0 {
		where = fmt.Sprintf("%s:%d", f.File, f.Line)
	}
	if where != "" {
		where += ": "
	}
	return fmt.Sprintf("%s%s [%s] %s", where, f.Severity, f.Rule, f.Message)
}

// Revision is a pending revision's upgrade as lint sees it.
type Revision struct {
	ID   string
	File string
	// Allow lists the rules whose findings the revision accepts, from its
	// "-- retort:allow RULE" header (revision.Revision.Allow).
	Allow   []string
	Upgrade []revision.Statement
}

// allows reports whether the revision accepts findings of rule.
func (r Revision) allows(rule string) bool { return slices.Contains(r.Allow, rule) }

// Rules are the names of lint's rules, as findings and retort:allow
// spell them.
var Rules = []string{"big-rebuild", "cascade-on-rebuild", "destructive", "fk-gap", "fk-unindexed", "orm-intent", "pg-lock", "pg-lock-table"}

// Input is everything the rules look at.
type Input struct {
	// Capabilities are the target dialect's: which rules apply, and the
	// prefix of the tables its rebuilds copy into.
	Capabilities dialect.Capabilities
	Pending      []Revision
	// Live is the database before the pending revisions; After is the
	// schema they lead to (the desired schema, or a scratch database the
	// revisions were applied to).
	Live, After *schema.Schema
	// RowEstimate returns a table's approximate row count in the live
	// database (0 when unknown); BigTable is the threshold above which
	// locking hazards are errors rather than warnings.
	RowEstimate func(table string) int64
	BigTable    int64
	// NarrowsType is the dialect's dialect.TypeNarrower: which column
	// type changes of Live's columns lose data. Nil checks none.
	NarrowsType func(from, to string) bool
	// Relations are the relation hints of the desired schema's sources
	// (the models' relations, from an ORM loader), and Desired is that
	// schema as the database spells it: the orm-intent rule compares
	// them with After.
	Relations []hint.Relation
	Desired   *schema.Schema
}

// DefaultBigTable is the row count from which a table is big when
// Input.BigTable is 0: a locking hazard on it is an error, and
// autogenerate builds its indexes online.
const DefaultBigTable = 100_000

// Run applies every rule and returns findings sorted by file, line, rule.
func Run(in Input) []Finding {
	if in.BigTable == 0 {
		in.BigTable = DefaultBigTable
	}
	var out []Finding
	out = append(out, unindexedForeignKeys(in)...)
	out = append(out, ormIntent(in)...)
	for _, r := range in.Pending {
		stmts := classify(r.Upgrade)
		out = append(out, cascadingRebuild(in, r, stmts)...)
		out = append(out, fkGaps(in, r, stmts)...)
		out = append(out, bigRebuild(in, r, stmts)...)
		if in.Capabilities.LockHazards {
			out = append(out, postgresLocks(in, r, stmts)...)
			out = append(out, tooManyRelations(r, stmts)...)
		}
		out = append(out, unknownAllows(r)...)
	}
	out = append(out, Destructive(in)...)
	return accepted(in, out)
}

// Destructive returns the statements of the pending revisions that lose
// data (drops, truncates, rebuilds that leave a column behind, type
// changes that narrow a column of Live), except
// in revisions that allow "destructive"; upgrade refuses to run them.
func Destructive(in Input) []Finding {
	out := append(rebuildLosses(in), narrowings(in)...)
	generated := generatedColumns(in.Live)
	for _, r := range in.Pending {
		out = append(out, destructive(r, classify(r.Upgrade), rebuildTemp(in.Capabilities.RebuildPrefix), generated, in.Capabilities.SchemaDropRestricts)...)
	}
	return accepted(in, out)
}

// accepted drops the findings a revision allows and sorts the rest. A
// finding without a file (fk-unindexed) belongs to the last pending
// revision that touches its table.
func accepted(in Input, fs []Finding) []Finding {
	out := fs[:0]
	for _, f := range fs {
		if f.File == "" && f.Table != "" {
			for _, r := range in.Pending {
				if touches(r, f.Table) {
					f.File = r.File
				}
			}
		}
		keep := true
		for _, r := range in.Pending {
			if r.File == f.File && r.allows(f.Rule) {
				keep = false
			}
		}
		if keep {
			out = append(out, f)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Rule < b.Rule
	})
	return out
}

// HasErrors reports whether any finding is an error.
func HasErrors(fs []Finding) bool {
	for _, f := range fs {
		if f.Severity == Error {
			return true
		}
	}
	return false
}

// unindexedForeignKeys: a child column set with no index starting with it
// makes every parent delete/update scan the child table.
func unindexedForeignKeys(in Input) []Finding {
	if in.After == nil || in.Capabilities.ImplicitFKIndex {
		return nil
	}
	var out []Finding
	for _, t := range in.After.Tables {
		for _, fk := range t.ForeignKeys {
			if indexed(t, fk.Columns) {
				continue
			}
			out = append(out, Finding{
				Rule: "fk-unindexed", Severity: Warning, Table: strings.ToLower(t.QualifiedName()), Column: strings.Join(fk.Columns, ", "),
				Message: fmt.Sprintf("foreign key %s on %s(%s) has no index starting with its columns; deletes and updates on %s will scan %s",
					nameOr(liveName(in.Live, t, fk), "(unnamed)"), t.QualifiedName(), strings.Join(fk.Columns, ", "), fk.RefTable, t.QualifiedName()),
			})
		}
	}
	return out
}

// liveName is the name the live database gives a foreign key After holds
// (After is a scratch copy, where unnamed keys got names): "" for a key
// the database leaves unnamed.
func liveName(live *schema.Schema, t *schema.Table, fk *schema.ForeignKey) string {
	if live == nil {
		return fk.Name
	}
	lt := live.Table(t.Schema, t.Name)
	if lt == nil {
		return fk.Name
	}
	for _, l := range lt.ForeignKeys {
		if l.SameTarget(fk) {
			return l.Name
		}
	}
	return fk.Name
}

func indexed(t *schema.Table, cols []string) bool {
	var candidates [][]string
	if t.PrimaryKey != nil {
		candidates = append(candidates, t.PrimaryKey.Columns)
	}
	for _, u := range t.Uniques {
		candidates = append(candidates, u.Columns)
	}
	for _, ix := range t.Indexes {
		if ix.Where != "" {
			continue // a partial index does not serve every lookup
		}
		var c []string
		for _, p := range ix.Parts {
			c = append(c, p.Column)
		}
		candidates = append(candidates, c)
	}
	for _, c := range candidates {
		if hasPrefix(c, cols) {
			return true
		}
	}
	return false
}

// hasPrefix: the index's leading columns are the FK columns in any order.
func hasPrefix(index, cols []string) bool {
	if len(index) < len(cols) {
		return false
	}
	want := map[string]bool{}
	for _, c := range cols {
		want[strings.ToLower(c)] = true
	}
	for _, c := range index[:len(cols)] {
		if !want[strings.ToLower(c)] {
			return false
		}
	}
	return true
}

func nameOr(name, alt string) string {
	if name == "" {
		return alt
	}
	return name
}

var reAlterTable = regexp.MustCompile(`^ALTER TABLE (?:ONLY )?(?:IF EXISTS )?(\S+)`)

// touches reports whether a revision's upgrade changes table.
func touches(r Revision, table string) bool {
	for _, s := range classify(r.Upgrade) {
		t := s.table
		if m := reAlterTable.FindStringSubmatch(s.upper); m != nil {
			t = ident(m[1])
		}
		if t != "" && (t == table || strings.HasSuffix(table, "."+t)) {
			return true
		}
	}
	return false
}

// unknownAllows: an allowed rule lint does not have is most likely a
// typo that would leave the finding it meant in place.
func unknownAllows(r Revision) []Finding {
	var out []Finding
	for _, a := range r.Allow {
		if !slices.Contains(Rules, a) {
			out = append(out, Finding{Rule: "allow", Severity: Warning, File: r.File,
				Message: fmt.Sprintf("retort:allow names %q, which is no lint rule (rules: %s)", a, strings.Join(Rules, ", "))})
		}
	}
	return out
}

// FKGaps returns the places where the pending revisions leave a table
// without its foreign key between statements that commit on their own
// (rule fk-gap), except in revisions that allow it; upgrade warns of
// them.
func FKGaps(in Input) []Finding {
	var out []Finding
	for _, r := range in.Pending {
		out = append(out, fkGaps(in, r, classify(r.Upgrade))...)
	}
	return accepted(in, out)
}
