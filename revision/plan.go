package revision

import (
	"slices"
	"strings"
)

// CheckDirection refuses a relative step that goes the other way: "-N"
// for an upgrade, "+N" for a downgrade. Resolved, such a target is
// already applied (or not yet), so the command would quietly do nothing.
func CheckDirection(target string, down bool) error {
	t := strings.TrimSpace(target)
	if len(t) < 2 || strings.Trim(t[1:], "0123456789") != "" {
		return nil // not a bare step; Resolve judges it
	}
	switch {
	case t[0] == '-' && !down:
		return invalid("%s is a downgrade target; use downgrade %s", t, t)
	case t[0] == '+' && down:
		return invalid("%s is an upgrade target; use upgrade %s", t, t)
	}
	return nil
}

// checkCurrent rejects current heads that are not in the graph.
func (g *Graph) checkCurrent(current []string) error {
	for _, id := range current {
		if g.revs[id] == nil {
			return invalid("the database is at revision %s, which is not among the revision files", id)
		}
	}
	return nil
}

// planTargets checks a plan's target and current heads and resolves the
// target; applied holds current and its ancestors.
func (g *Graph) planTargets(current []string, target string, down bool) (targets []string, applied map[string]bool, err error) {
	if err := CheckDirection(target, down); err != nil {
		return nil, nil, err
	}
	if err := g.checkCurrent(current); err != nil {
		return nil, nil, err
	}
	targets, err = g.Resolve(target, current)
	if err != nil {
		return nil, nil, err
	}
	return targets, g.Applied(current), nil
}

// UpgradePlan returns the revisions to apply, in order (dependencies
// first), to reach target from current; applied ones are left out.
func (g *Graph) UpgradePlan(current []string, target string) ([]*Revision, error) {
	targets, applied, err := g.planTargets(current, target, false)
	if err != nil {
		return nil, err
	}
	need := g.Applied(targets)
	var plan []*Revision
	for _, r := range g.order {
		if need[r.ID] && !applied[r.ID] {
			plan = append(plan, r)
		}
	}
	return plan, nil
}

// DowngradePlan returns the applied revisions to revert, in order
// (dependents first), so that target and its ancestors stay applied, as
// do other branches that do not descend from it. "base" reverts all.
func (g *Graph) DowngradePlan(current []string, target string) ([]*Revision, error) {
	targets, applied, err := g.planTargets(current, target, true)
	if err != nil {
		return nil, err
	}
	for _, t := range targets {
		if !applied[t] {
			at := strings.Join(g.minimalHeads(applied), ", ")
			if at == "" {
				at = "base"
			}
			return nil, invalid("cannot downgrade to %s: it is not applied (the database is at %s)", t, at)
		}
	}
	keep := g.Applied(targets)
	// Revert what descends from a target, or everything for base.
	remove := map[string]bool{}
	for _, r := range g.order {
		if !applied[r.ID] || keep[r.ID] {
			continue
		}
		if len(targets) == 0 {
			remove[r.ID] = true
			continue
		}
		for _, d := range deps(r) {
			if remove[d] || slices.Contains(targets, d) {
				remove[r.ID] = true
				break
			}
		}
	}
	var plan []*Revision
	for i := len(g.order) - 1; i >= 0; i-- {
		if r := g.order[i]; remove[r.ID] {
			plan = append(plan, r)
		}
	}
	return plan, nil
}

// HeadsAfterUpgrade returns the heads to record once r is applied on top
// of current.
func (g *Graph) HeadsAfterUpgrade(current []string, r *Revision) []string {
	applied := g.Applied(current)
	for id := range g.Applied([]string{r.ID}) {
		applied[id] = true
	}
	return g.minimalHeads(applied)
}

// HeadsAfterDowngrade returns the heads to record once r is reverted
// from current; r's parents become heads unless still covered.
func (g *Graph) HeadsAfterDowngrade(current []string, r *Revision) []string {
	applied := g.Applied(current)
	delete(applied, r.ID)
	return g.minimalHeads(applied)
}

// minimalHeads returns, sorted, the members of an applied set that are
// not a parent of another member. Like Alembic, a revision that is only
// depended on stays a head.
func (g *Graph) minimalHeads(applied map[string]bool) []string {
	covered := map[string]bool{}
	for id := range applied {
		if r := g.revs[id]; r != nil {
			for _, p := range r.Parents {
				covered[p] = true
			}
		}
	}
	heads := []string{}
	for id := range applied {
		if !covered[id] {
			heads = append(heads, id)
		}
	}
	slices.Sort(heads)
	return heads
}
