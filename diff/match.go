package diff

// pair links a live item to the desired item it corresponds to.
type pair struct{ live, want int }

// matching is how the live items of one kind on a table correspond to the
// desired ones.
type matching struct {
	pairs   []pair
	dropped []int // live items with no desired counterpart
	added   []int // desired items with no live counterpart
}

// matcher pairs live and desired items: by name when both are named, then
// by content (same identity, preferring equal options), which catches
// unnamed items and renames. The caller decides what a pair means.
type matcher struct {
	nLive, nWant       int
	liveName, wantName func(int) string
	same               func(l, w int) bool // same identity (what it constrains)
	equal              func(l, w int) bool // same options beyond identity
}

func (m matcher) run() matching {
	liveUsed := make([]bool, m.nLive)
	wantUsed := make([]bool, m.nWant)
	var res matching
	byName := make(map[string]int, m.nLive)
	for l := 0; l < m.nLive; l++ {
		if n := m.liveName(l); n != "" {
			if _, dup := byName[n]; !dup {
				byName[n] = l
			}
		}
	}
	for w := 0; w < m.nWant; w++ {
		if n := m.wantName(w); n != "" {
			if l, ok := byName[n]; ok && !liveUsed[l] {
				liveUsed[l], wantUsed[w] = true, true
				res.pairs = append(res.pairs, pair{l, w})
			}
		}
	}
	for _, strict := range [2]bool{true, false} {
		for w := 0; w < m.nWant; w++ {
			if wantUsed[w] {
				continue
			}
			for l := 0; l < m.nLive; l++ {
				if liveUsed[l] || !m.same(l, w) || (strict && !m.equal(l, w)) {
					continue
				}
				liveUsed[l], wantUsed[w] = true, true
				res.pairs = append(res.pairs, pair{l, w})
				break
			}
		}
	}
	for l, used := range liveUsed {
		if !used {
			res.dropped = append(res.dropped, l)
		}
	}
	for w, used := range wantUsed {
		if !used {
			res.added = append(res.added, w)
		}
	}
	return res
}
