package diff

import (
	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/schema"
)

// sameExclusion compares exclusion constraints, leaving out the name and
// comment.
func sameExclusion(a, b *schema.Exclusion) bool {
	return a.Method == b.Method && a.Where == b.Where && sameParams(a.Params, b.Params) &&
		a.Deferrable == b.Deferrable && a.InitiallyDeferred == b.InitiallyDeferred &&
		sameParts(a.Parts, b.Parts) && schema.SameColumns(a.Include, b.Include)
}

// diffExclusions pairs exclusion constraints by name, then by content; a
// changed one is dropped and added again (there is no ALTER for it).
func (k *kept) diffExclusions() {
	from, to := k.from.Exclusions, k.to.Exclusions
	m := matcher{
		nLive: len(from), nWant: len(to),
		liveName: func(i int) string { return from[i].Name },
		wantName: func(i int) string { return to[i].Name },
		same:     func(l, w int) bool { return sameExclusion(from[l], to[w]) },
		equal:    func(l, w int) bool { return true },
	}.run()
	drop := func(x *schema.Exclusion) {
		k.dropChecks = append(k.dropChecks, op.DropExclusion{Table: k.ref, Exclusion: x})
	}
	add := func(x *schema.Exclusion) {
		k.addChecks = append(k.addChecks, op.AddExclusion{Table: k.ref, Exclusion: x})
	}
	for _, p := range m.pairs {
		l, w := from[p.live], to[p.want]
		switch {
		case !sameExclusion(l, w) || k.rebuiltUses(l.Parts, l.Include, l.Where):
			drop(l)
			add(w)
		case l.Name != "" && w.Name != "" && l.Name != w.Name:
			k.renames = append(k.renames, op.RenameConstraint{Table: k.ref, Kind: schema.KindExclusion, Old: l.Name, New: w.Name})
			k.commentOn(w.Name, l.Comment, w.Comment)
		default:
			k.commentOn(l.Name, l.Comment, w.Comment)
		}
	}
	for _, i := range m.dropped {
		drop(from[i])
	}
	for _, i := range m.added {
		add(to[i])
	}
}

// commentOn changes the comment of kept constraint name (its name once
// renamed: comments change after renames).
func (k *kept) commentOn(name, from, to string) {
	if from != to && name != "" {
		k.comments = append(k.comments, op.SetComment{On: op.CommentConstraint, Table: k.ref, Name: name, From: from, To: to})
	}
}

func (k *kept) commentIndex(name, from, to string) {
	if from != to && name != "" {
		k.comments = append(k.comments, op.SetComment{On: op.CommentIndex, Table: k.ref, Name: name, From: from, To: to})
	}
}

// rebuiltIn reports whether expression expr names a rebuilt column.
func (k *kept) rebuiltIn(expr string) bool {
	if len(k.rebuilt) == 0 {
		return false
	}
	for w := range words(expr) {
		if k.rebuilt[w] {
			return true
		}
	}
	return false
}

// rebuiltUses reports whether index parts, INCLUDE columns or predicate
// use a rebuilt column.
func (k *kept) rebuiltUses(parts []schema.IndexPart, include []string, where string) bool {
	if len(k.rebuilt) == 0 {
		return false
	}
	for _, p := range parts {
		if k.rebuilt.hitsAny([]string{p.Column}) || k.rebuiltIn(p.Expr) {
			return true
		}
	}
	return k.rebuilt.hitsAny(include) || k.rebuiltIn(where)
}
