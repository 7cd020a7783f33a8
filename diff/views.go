package diff

import (
	"sort"
	"strings"
	"unicode"

	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/schema"
)

// words returns the identifiers in a view definition, lower-cased: a view
// depends on every table or view whose name appears as a word.
func words(def string) map[string]bool {
	out := map[string]bool{}
	start := -1
	for i, r := range def + " " {
		if r == '_' || r == '$' || unicode.IsLetter(r) || unicode.IsDigit(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out[strings.ToLower(def[start:i])] = true
			start = -1
		}
	}
	return out
}

func viewKey(v *schema.View) tkey { return tkey{v.Schema, v.Name} }

func sortViews(vs []*schema.View) {
	sort.Slice(vs, func(i, j int) bool { return lessKey(viewKey(vs[i]), viewKey(vs[j])) })
}

// viewDeps returns, per view, the indices of the other views it names.
func viewDeps(vs []*schema.View) [][]int {
	byName := map[string][]int{}
	for i, v := range vs {
		n := strings.ToLower(v.Name)
		byName[n] = append(byName[n], i)
	}
	deps := make([][]int, len(vs))
	for i, v := range vs {
		for w := range words(v.Def) {
			for _, j := range byName[w] {
				if j != i {
					deps[i] = append(deps[i], j)
				}
			}
		}
		sort.Ints(deps[i])
	}
	return deps
}

// views emits view changes. A view is dropped when removed or its
// definition changed (its options and comment change in place),
// and dropped and recreated when it names a view that is dropped or a
// table that is dropped or has a column retyped or dropped, or of an enum
// that loses or reorders values (PostgreSQL refuses those while the view
// exists). Drops go dependents first,
// creates dependencies first.
func (d *differ) views() {
	live := append([]*schema.View(nil), d.from.Views...)
	want := append([]*schema.View(nil), d.to.Views...)
	sortViews(live)
	sortViews(want)
	wantBy := map[tkey]*schema.View{}
	for _, v := range want {
		wantBy[viewKey(v)] = v
	}
	liveBy := map[tkey]*schema.View{}
	for _, v := range live {
		liveBy[viewKey(v)] = v
	}

	touched := map[string]bool{}
	for _, t := range d.dropped {
		touched[strings.ToLower(t.Name)] = true
	}
	for _, k := range d.keptOrder {
		if len(k.reshaped) > 0 || len(k.droppedCols) > 0 {
			touched[strings.ToLower(k.to.Name)] = true
		}
	}
	for t := range d.enumRebuildTables() {
		touched[t] = true
	}

	liveDeps := viewDeps(live)
	drop := make([]bool, len(live))
	for i, v := range live {
		w := wantBy[viewKey(v)]
		drop[i] = w == nil || w.Def != v.Def || w.Materialized != v.Materialized || d.usedViews[viewKey(v)]
		if !drop[i] {
			for word := range words(v.Def) {
				if touched[word] {
					drop[i] = true
					break
				}
			}
		}
	}
	// A view naming a dropped view goes too; repeat until nothing changes.
	for changed := true; changed; {
		changed = false
		for i := range live {
			for _, j := range liveDeps[i] {
				if drop[j] && !drop[i] {
					drop[i], changed = true, true
				}
			}
		}
	}
	d.dropViewSet = map[tkey]bool{}
	order := orderByDeps(len(live), liveDeps)
	for n := len(order) - 1; n >= 0; n-- {
		if v := live[order[n]]; drop[order[n]] {
			d.p.dropViews = append(d.p.dropViews, op.DropView{View: v})
			d.dropViewSet[viewKey(v)] = true
		}
	}
	for _, i := range orderByDeps(len(want), viewDeps(want)) {
		v := want[i]
		old := liveBy[viewKey(v)]
		if old == nil || d.dropViewSet[viewKey(v)] {
			d.p.createViews = append(d.p.createViews, op.CreateView{View: v})
			continue
		}
		// Options change in place (ALTER VIEW ... SET/RESET), so the
		// view's dependents stay.
		if !sameParams(old.Options, v.Options) {
			d.p.comments = append(d.p.comments, op.SetViewOptions{Schema: v.Schema, Name: v.Name, From: old.Options, To: v.Options})
		}
		if old.Comment != v.Comment {
			d.p.comments = append(d.p.comments, op.SetComment{On: op.CommentView, Schema: v.Schema, Name: v.Name, From: old.Comment, To: v.Comment})
		}
	}
}

// triggers emits trigger changes by name and SQL. An unchanged trigger on
// a view that is recreated is recreated with it, since dropping the view
// drops its triggers.
func (d *differ) triggers() {
	trigKey := func(t *schema.Trigger) tkey { return tkey{t.Schema, t.Name} }
	less := func(ts []*schema.Trigger) func(i, j int) bool {
		return func(i, j int) bool { return lessKey(trigKey(ts[i]), trigKey(ts[j])) }
	}
	live := append([]*schema.Trigger(nil), d.from.Triggers...)
	want := append([]*schema.Trigger(nil), d.to.Triggers...)
	sort.Slice(live, less(live))
	sort.Slice(want, less(want))
	wantBy := map[tkey]*schema.Trigger{}
	for _, t := range want {
		wantBy[trigKey(t)] = t
	}
	recreate := map[tkey]bool{}
	for _, t := range live {
		w := wantBy[trigKey(t)]
		if w == nil || w.SQL != t.SQL || d.dropViewSet[tkey{t.Schema, t.Table}] || d.usedTriggers[trigKey(t)] || d.namesRebuilt(t) {
			d.p.dropTriggers = append(d.p.dropTriggers, op.DropTrigger{Trigger: t})
			recreate[trigKey(t)] = true
		}
	}
	liveBy := map[tkey]bool{}
	for _, t := range live {
		liveBy[trigKey(t)] = true
	}
	for _, t := range want {
		if !liveBy[trigKey(t)] || recreate[trigKey(t)] {
			d.p.createTriggers = append(d.p.createTriggers, op.CreateTrigger{Trigger: t})
		}
	}
}

// namesRebuilt reports whether trigger t names a column of its table that
// is dropped and added again (UPDATE OF, WHEN): PostgreSQL refuses to
// drop the column under it.
func (d *differ) namesRebuilt(t *schema.Trigger) bool {
	k := d.kept[tkey{t.Schema, t.Table}]
	return k != nil && k.rebuiltIn(t.SQL)
}

// enums emits enum changes: creates and value changes before tables that
// may use them, drops after everything that used them is gone.
func (d *differ) enums() {
	enumKey := func(e *schema.Enum) tkey { return tkey{e.Schema, e.Name} }
	live := map[tkey]*schema.Enum{}
	for _, e := range d.from.Enums {
		live[enumKey(e)] = e
	}
	want := append([]*schema.Enum(nil), d.to.Enums...)
	sort.Slice(want, func(i, j int) bool { return lessKey(enumKey(want[i]), enumKey(want[j])) })
	wantBy := map[tkey]bool{}
	for _, e := range want {
		wantBy[enumKey(e)] = true
		old := live[enumKey(e)]
		switch {
		case old == nil:
			d.p.enums = append(d.p.enums, op.CreateEnum{Enum: e})
		case !equalStrings(old.Values, e.Values):
			d.alterEnum(old, e)
		}
	}
	gone := []*schema.Enum{}
	for _, e := range d.from.Enums {
		if !wantBy[enumKey(e)] {
			gone = append(gone, e)
		}
	}
	sort.Slice(gone, func(i, j int) bool { return lessKey(enumKey(gone[i]), enumKey(gone[j])) })
	for _, e := range gone {
		d.p.dropEnums = append(d.p.dropEnums, op.DropEnum{Enum: e})
	}
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
