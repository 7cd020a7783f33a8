package cli

import (
	"fmt"
	"strings"

	"github.com/retortdb/retort"
)

// unmanagedMessage lists the unmanaged objects autogenerate cannot write
// and what to do about them.
func unmanagedMessage(e *retort.UnmanagedError) string {
	var b strings.Builder
	fmt.Fprintf(&b, "autogenerate cannot write %d difference(s) in objects retort does not manage; a revision without them would leave the database differing from the desired schema:\n", len(e.Differences))
	for _, d := range e.Differences {
		fmt.Fprintf(&b, "unmanaged: %s\n", d)
	}
	b.WriteString("write them in a revision by hand (retort revision -m MSG), or add --ignore-unmanaged to autogenerate the rest without them")
	return b.String()
}

// diffUnmanagedMessage lists the unmanaged objects diff's SQL leaves out.
func diffUnmanagedMessage(e *retort.UnmanagedError) string {
	var b strings.Builder
	fmt.Fprintf(&b, "diff cannot write %d difference(s) in objects retort does not manage; the SQL above, if any, leaves them as they are:\n", len(e.Differences))
	for _, d := range unmanagedStrings(e) {
		fmt.Fprintf(&b, "unmanaged: %s\n", d)
	}
	b.WriteString("change them by hand, or add --ignore-unmanaged to accept the difference")
	return b.String()
}

func unmanagedStrings(e *retort.UnmanagedError) []string {
	var out []string
	for _, d := range e.Differences {
		out = append(out, d.String())
	}
	return out
}
