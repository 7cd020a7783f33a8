package diff

import (
	"errors"
	"fmt"
	"strings"

	"github.com/retortdb/retort/schema"
)

// Rename is a decided rename: column Old of Table becomes New, or, with
// Table empty, table Old becomes New in the same schema.
type Rename struct {
	Table    string // "table" or "schema.table" on either side; "" for a table rename
	Old, New string // a table rename's Old may be "schema.table"
	// Hint marks a decision from a schema file's "-- retort:renamed-from"
	// comment. The comment stays in the file once the rename is applied,
	// so a hint the database no longer matches is ignored, not refused.
	Hint bool
	// Source says where the decision came from, for messages
	// ("--rename users.name=full_name", "schema.sql:4").
	Source string
}

func (r Rename) String() string {
	if r.Table == "" {
		return fmt.Sprintf("table %s to %s", r.Old, r.New)
	}
	return fmt.Sprintf("%s.%s to %s.%s", r.Table, r.Old, r.Table, r.New)
}

// ParseRename reads "TABLE.OLD=NEW" (a column) or "OLD_TABLE=NEW_TABLE"
// (a table; "SCHEMA.OLD_TABLE=NEW_TABLE" also works, told apart from a
// column by the schemas it is applied to).
func ParseRename(spec string) (Rename, error) {
	lhs, rhs, ok := strings.Cut(spec, "=")
	lhs, rhs = strings.TrimSpace(lhs), strings.TrimSpace(rhs)
	if !ok || lhs == "" || rhs == "" || strings.Contains(rhs, "=") {
		return Rename{}, fmt.Errorf("rename %q is not TABLE.OLD=NEW (a column) or OLD_TABLE=NEW_TABLE (a table)", spec)
	}
	if strings.Contains(rhs, ".") {
		return Rename{}, fmt.Errorf("rename %q: the new name %q must be a bare name (renames stay in their table and schema)", spec, rhs)
	}
	r := Rename{Old: lhs, New: rhs, Source: spec}
	if i := strings.LastIndex(lhs, "."); i >= 0 {
		r.Table, r.Old = lhs[:i], lhs[i+1:]
		if r.Table == "" || r.Old == "" {
			return Rename{}, fmt.Errorf("rename %q is not TABLE.OLD=NEW (a column) or OLD_TABLE=NEW_TABLE (a table)", spec)
		}
	}
	return r, nil
}

// Candidate is a likely rename: a table or column that disappears while
// one of the same shape appears.
type Candidate struct {
	// Table is the desired table of a column candidate (qualified when it
	// has a schema), "" for a table candidate.
	Table string
	// Old and New are column names, or qualified table names.
	Old, New string
	// Column is the desired column of a column candidate; Columns the
	// column names of a table candidate.
	Column  *schema.Column
	Columns []string
}

// String reads "users.name to users.full_name (VARCHAR(100) NOT NULL)" or
// "table notes to memos (id, body)".
func (c Candidate) String() string {
	if c.Table == "" {
		return fmt.Sprintf("table %s to %s (%s)", c.Old, c.New, strings.Join(c.Columns, ", "))
	}
	return fmt.Sprintf("%s.%s to %s.%s (%s)", c.Table, c.Old, c.Table, c.New, columnShape(c.Column))
}

// Question is the prompt for this candidate, without the answer choices.
func (c Candidate) Question() string { return "Did you rename " + c.String() + "?" }

// Rename is the decision that takes the candidate as a rename.
func (c Candidate) Rename() Rename {
	if c.Table == "" {
		return Rename{Old: c.Old, New: bareName(c.New)}
	}
	return Rename{Table: c.Table, Old: c.Old, New: c.New}
}

// Flag is the --rename argument that decides the candidate as a rename.
func (c Candidate) Flag() string {
	r := c.Rename()
	if r.Table == "" {
		return r.Old + "=" + r.New
	}
	return r.Table + "." + r.Old + "=" + r.New
}

// HintText is the schema-file comment that decides it, and where it goes.
func (c Candidate) HintText() string {
	if c.Table == "" {
		return fmt.Sprintf("\"-- retort:renamed-from %s\" on the line before CREATE TABLE %s", bareName(c.Old), c.New)
	}
	return fmt.Sprintf("\"-- retort:renamed-from %s\" on the line of column %s in CREATE TABLE %s", c.Old, c.New, c.Table)
}

func bareName(qualified string) string {
	if i := strings.LastIndex(qualified, "."); i >= 0 {
		return qualified[i+1:]
	}
	return qualified
}

// columnShape reads "VARCHAR(100) NOT NULL DEFAULT 'x'".
func columnShape(c *schema.Column) string {
	if c == nil {
		return ""
	}
	s := c.Type
	if !strings.ContainsAny(s, `'"`) {
		s = strings.ToUpper(s) // a type, not enum values
	}
	if !c.Nullable {
		s += " NOT NULL"
	}
	if c.Default != nil {
		s += " DEFAULT " + *c.Default
	}
	return s
}

// RenameError is a decided rename that does not fit the schemas.
type RenameError struct {
	Rename Rename
	Msg    string
}

func (e *RenameError) Error() string {
	return fmt.Sprintf("rename %s (%s): %s", e.Rename, e.Rename.Source, e.Msg)
}

// ErrUndecided is what Options.Decide returns to leave a candidate
// undecided (no answer could be had), so Schemas lists it in an
// *UndecidedRenamesError.
var ErrUndecided = errors.New("rename left undecided")

// UndecidedRenamesError is returned when likely renames were found and
// nothing decided them (Options.Renames, Options.NoRename or
// Options.Decide): a drop and add would lose the values.
type UndecidedRenamesError struct {
	Candidates []Candidate
}

func (e *UndecidedRenamesError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "diff: %d likely rename(s) need a decision, since a drop and add would lose the values:", len(e.Candidates))
	for _, c := range e.Candidates {
		b.WriteString("\n  " + c.String())
	}
	b.WriteString("\ndecide each with a Rename in the options or a \"-- retort:renamed-from OLD\" hint in the schema file, or set NoRename to drop and add")
	return b.String()
}
