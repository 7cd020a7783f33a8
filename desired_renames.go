package retort

import (
	"fmt"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/diff"
	"github.com/retortdb/retort/hint"
)

// AutogenerateOptions decide what Autogenerate does with likely renames
// (a dropped and an added table or column of the same shape), as
// diff.Options does: Renames decides some, NoRename makes every other one
// a drop and add, else Decide is asked about each (a prompt), else
// autogenerate fails with *UndecidedRenamesError.
type AutogenerateOptions struct {
	Renames  []Rename
	NoRename bool
	// Decide answers whether a candidate is a rename; returning an error
	// wrapping ErrUndecided leaves it undecided.
	Decide func(RenameCandidate) (bool, error)
	// IgnoreUnmanaged writes the revision although objects retort does
	// not manage differ (see CheckReport.Unmanaged), leaving them out of
	// it; else autogenerate fails with *UnmanagedError listing them.
	IgnoreUnmanaged bool
	// BigTable is the row count from which an existing table is big, as
	// for LintOptions (0 means 100,000): an index added to or dropped from
	// it is rendered so it does not block writes (PostgreSQL: CREATE and
	// DROP INDEX CONCURRENTLY, which lint's pg-lock rule asks for).
	BigTable int64

	unmanaged unmanagedCheck
}

// Rename is a decided rename of a table (Table "") or of a column.
type Rename = diff.Rename

// RenameCandidate is a likely rename: a dropped and an added table or
// column of the same shape.
type RenameCandidate = diff.Candidate

// ErrUndecided is returned by an AutogenerateOptions.Decide that cannot
// answer (no input left).
var ErrUndecided = diff.ErrUndecided

// ParseRename reads a rename decision as the --rename flag spells it:
// TABLE.OLD=NEW for a column, OLD=NEW for a table.
func ParseRename(spec string) (Rename, error) { return diff.ParseRename(spec) }

// mergeAutogenerateOptions folds the optional trailing arguments.
func mergeAutogenerateOptions(opts []AutogenerateOptions) AutogenerateOptions {
	var out AutogenerateOptions
	for _, o := range opts {
		out.Renames = append(out.Renames, o.Renames...)
		out.NoRename = out.NoRename || o.NoRename
		out.IgnoreUnmanaged = out.IgnoreUnmanaged || o.IgnoreUnmanaged
		if o.BigTable != 0 {
			out.BigTable = o.BigTable
		}
		if o.Decide != nil {
			out.Decide = o.Decide
		}
	}
	out.unmanaged.refuse = true // only autogenerate folds options
	return out
}

// renameHints reads the "-- retort:renamed-from" hints of schema files.
func (m *Migrator) renameHints(files []dialect.SourceFile) ([]diff.Rename, error) {
	split := m.d.SplitOptions()
	var out []diff.Rename
	for _, f := range files {
		hs, err := hint.Scan(f.Name, f.SQL, split)
		if err != nil {
			return nil, fmt.Errorf("reading rename hints failed: %w", err)
		}
		for _, h := range hs {
			r := diff.Rename{Hint: true, Source: fmt.Sprintf("%s:%d", h.File, h.Line)}
			if h.Column != "" {
				r.Table, r.Old, r.New = h.Table, h.From, h.Column
			} else {
				// A table is renamed within its schema.
				r.Old, r.New = h.From, h.Table
				if i := strings.LastIndex(h.Table, "."); i >= 0 {
					r.Old, r.New = h.Table[:i+1]+h.From, h.Table[i+1:]
				}
			}
			out = append(out, r)
		}
	}
	return out, nil
}
