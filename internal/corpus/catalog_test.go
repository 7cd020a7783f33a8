package corpus

import (
	"slices"
	"strings"
)

// A catalog snapshot is a sorted list of lines, each one fact of the
// database as its own catalog states it (a normalized statement, a
// column's row of a catalog table...). Two databases match when their
// snapshots are equal.

// catalogDiff lists the lines only in want ("- ") and only in got ("+ "),
// "" when the snapshots are equal.
func catalogDiff(want, got []string) string {
	var b strings.Builder
	only := func(a, other []string, mark string) {
		left := map[string]int{}
		for _, l := range other {
			left[l]++
		}
		for _, l := range a {
			if left[l] > 0 {
				left[l]--
				continue
			}
			b.WriteString(mark + strings.ReplaceAll(l, "\n", "\n  ") + "\n")
		}
	}
	only(want, got, "- ")
	only(got, want, "+ ")
	return b.String()
}

func sortedLines(lines []string) []string {
	slices.Sort(lines)
	return lines
}
