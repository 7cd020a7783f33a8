package revision

import (
	"slices"
	"strconv"
	"strings"
)

// minPrefix is the shortest revision id prefix accepted as a target.
const minPrefix = 4

// Resolve turns a target into the set of revision ids it names, given
// the database's current heads: "head", "heads", "base" (the empty set),
// a full id, a unique prefix of at least 4 characters, "+N"/"-N"
// relative to current, or "<id>+N"/"<id>-N" relative to a revision.
func (g *Graph) Resolve(target string, current []string) ([]string, error) {
	target = strings.TrimSpace(target)
	switch target {
	case "":
		return nil, invalid("empty revision target (want head, heads, base, a revision id or +N/-N)")
	case "head":
		switch len(g.heads) {
		case 0:
			return nil, invalid("target head: there are no revisions")
		case 1:
			return []string{g.heads[0]}, nil
		}
		return nil, invalid("target head is ambiguous: there are %d heads (%s); use \"heads\" or a revision id", len(g.heads), strings.Join(g.heads, ", "))
	case "heads":
		return g.Heads(), nil
	case "base":
		return []string{}, nil
	}
	if i := strings.LastIndexAny(target, "+-"); i >= 0 {
		n, err := strconv.Atoi(target[i+1:])
		if err != nil || n < 0 || strings.ContainsAny(target[:i], "+-") {
			return nil, invalid("invalid relative target %q (want +N, -N, <id>+N or <id>-N)", target)
		}
		from, err := g.relativeStart(target, target[:i], current)
		if err != nil {
			return nil, err
		}
		if target[i] == '-' {
			return g.down(target, from, n)
		}
		id, err := g.up(target, from, n)
		if err != nil {
			return nil, err
		}
		if id == "" {
			return []string{}, nil
		}
		return []string{id}, nil
	}
	id, err := g.lookup(target)
	if err != nil {
		return nil, err
	}
	return []string{id}, nil
}

// lookup finds a revision by full id or unique prefix.
func (g *Graph) lookup(s string) (string, error) {
	if g.revs[s] != nil {
		return s, nil
	}
	if len(s) < minPrefix {
		return "", invalid("unknown revision %q (a prefix needs at least %d characters)", s, minPrefix)
	}
	var matches []string
	for id := range g.revs {
		if strings.HasPrefix(id, s) {
			matches = append(matches, id)
		}
	}
	slices.Sort(matches)
	switch len(matches) {
	case 0:
		return "", invalid("unknown revision %q", s)
	case 1:
		return matches[0], nil
	}
	return "", invalid("revision prefix %q is ambiguous: it matches %s", s, strings.Join(matches, ", "))
}

// relativeStart returns where a relative step starts: the revision named
// by prefix, or the database's single current head ("" at base).
func (g *Graph) relativeStart(target, prefix string, current []string) (string, error) {
	if prefix != "" {
		return g.lookup(prefix)
	}
	heads := g.minimalHeads(g.Applied(current))
	switch len(heads) {
	case 0:
		return "", nil
	case 1:
		if g.revs[heads[0]] == nil {
			return "", invalid("the database is at revision %s, which is not among the revision files", heads[0])
		}
		return heads[0], nil
	}
	return "", invalid("relative target %q is ambiguous: the database is at several heads (%s); use <id>+N or <id>-N", target, strings.Join(heads, ", "))
}

// up walks n children up from id ("" is base).
func (g *Graph) up(target, id string, n int) (string, error) {
	for step := 1; step <= n; step++ {
		next := g.bases
		where := "base"
		if id != "" {
			next, where = g.children[id], id
		}
		switch len(next) {
		case 0:
			if id == "" {
				return "", invalid("relative target %q: there are no revisions", target)
			}
			return "", invalid("relative target %q goes past head %s after %d step(s)", target, id, step-1)
		case 1:
			id = next[0]
		default:
			return "", invalid("relative target %q is ambiguous: %s is followed by several revisions (%s); use a revision id", target, where, strings.Join(next, ", "))
		}
	}
	return id, nil
}

// down walks n parents down from id; one step below a base is base (the
// empty set). The last step may undo a merge: it names all its parents,
// as reverting the merge leaves them as heads; walking further down from
// a merge is ambiguous.
func (g *Graph) down(target, id string, n int) ([]string, error) {
	for step := 1; step <= n; step++ {
		if id == "" {
			return nil, invalid("relative target %q goes below base after %d step(s)", target, step-1)
		}
		parents := g.revs[id].Parents
		switch {
		case len(parents) == 0:
			id = ""
		case len(parents) == 1:
			id = parents[0]
		case step == n:
			return slices.Sorted(slices.Values(parents)), nil
		default:
			return nil, invalid("relative target %q is ambiguous: %s is a merge of %s; use a revision id", target, id, strings.Join(parents, ", "))
		}
	}
	if id == "" {
		return []string{}, nil
	}
	return []string{id}, nil
}
