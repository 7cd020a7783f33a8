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
// autogenerate fails with *diff.UndecidedRenamesError.
type AutogenerateOptions struct {
	Renames  []diff.Rename
	NoRename bool
	Decide   func(diff.Candidate) (bool, error)
	// IgnoreUnmanaged writes the revision although objects retort does
	// not manage differ (diff.Unmanaged), leaving them out of it; else
	// autogenerate fails with *diff.UnmanagedError listing them.
	IgnoreUnmanaged bool

	unmanaged unmanagedCheck
}

// mergeAutogenerateOptions folds the optional trailing arguments.
func mergeAutogenerateOptions(opts []AutogenerateOptions) AutogenerateOptions {
	var out AutogenerateOptions
	for _, o := range opts {
		out.Renames = append(out.Renames, o.Renames...)
		out.NoRename = out.NoRename || o.NoRename
		out.IgnoreUnmanaged = out.IgnoreUnmanaged || o.IgnoreUnmanaged
		if o.Decide != nil {
			out.Decide = o.Decide
		}
	}
	out.unmanaged.refuse = true // only autogenerate folds options
	return out
}

// renameHints reads the "-- retort:renamed-from" hints of schema files.
func (m *Migrator) renameHints(files []dialect.SourceFile) ([]diff.Rename, error) {
	split := dialect.SplitOptionsOf(m.d)
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
