package retort

import (
	"slices"
	"time"

	"github.com/retortdb/retort/revision"
)

// Revision describes one revision of the graph.
type Revision struct {
	ID        string
	Parents   []string // none for a base revision
	DependsOn []string
	Message   string
	// File is the file it was read from, or where a Go revision's Up is
	// defined.
	File    string
	Created time.Time // zero when the file does not say
	// Head: nothing builds on it. Merge: it has several parents.
	// BranchPoint: several revisions build on it.
	Head, Merge, BranchPoint bool
}

// History lists every revision, newest first.
func (r *Revisions) History() []Revision {
	all := r.g.All()
	heads := r.g.Heads()
	out := make([]Revision, 0, len(all))
	for i := len(all) - 1; i >= 0; i-- {
		out = append(out, r.describe(all[i], heads))
	}
	return out
}

// Heads lists the head revisions, sorted by id.
func (r *Revisions) Heads() []Revision {
	heads := r.g.Heads()
	out := make([]Revision, len(heads))
	for i, id := range heads {
		out[i] = r.describe(r.g.Get(id), heads)
	}
	return out
}

// Get returns the revision id names exactly; false when there is none.
func (r *Revisions) Get(id string) (Revision, bool) {
	rev := r.g.Get(id)
	if rev == nil {
		return Revision{}, false
	}
	return r.describe(rev, r.g.Heads()), true
}

// Lookup returns the ids a target names without a database: "head",
// "heads", "base" (none), an id, a unique prefix of at least 4
// characters, or "<id>+N" / "<id>-N".
func (r *Revisions) Lookup(target string) ([]string, error) {
	return r.g.Resolve(target, nil)
}

func (r *Revisions) describe(rev *revision.Revision, heads []string) Revision {
	return Revision{
		ID: rev.ID, Parents: slices.Clone(rev.Parents), DependsOn: slices.Clone(rev.DependsOn),
		Message: rev.Message, File: rev.File, Created: rev.Created,
		Head: slices.Contains(heads, rev.ID), Merge: r.g.IsMerge(rev.ID), BranchPoint: r.g.IsBranchPoint(rev.ID),
	}
}

func (r *Revisions) describeAll(revs []*revision.Revision) []Revision {
	if revs == nil {
		return nil
	}
	heads := r.g.Heads()
	out := make([]Revision, len(revs))
	for i, rev := range revs {
		out[i] = r.describe(rev, heads)
	}
	return out
}
