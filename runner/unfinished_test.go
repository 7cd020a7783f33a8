package runner

import (
	"strings"
	"testing"

	"github.com/retortdb/retort/revision"
)

// An unfinished run's advice is what a rerun does: a SQL revision
// resumes; a Go revision that ran part way cannot, so the advice is
// resolve --forget or Stamp; one of which nothing ran just reruns.
func TestUnfinishedString(t *testing.T) {
	cases := []struct {
		u         Unfinished
		want, not string
	}{
		{Unfinished{Revision: "a1", Direction: revision.Up, Done: 2}, "rerun it to resume", "cannot resume"},
		{Unfinished{Revision: "a1", Direction: revision.Up, Done: 2, InFlight: 3}, "rerun it, or see retort resolve", "cannot resume"},
		{Unfinished{Revision: "a1", Direction: revision.Up, Done: 2, NoResume: true, Kind: "Go"}, "Go revision a1 has an unfinished up run: 2 statement(s) done; it cannot resume: undo it by hand and forget it (retort resolve a1 --forget), or finish it by hand and stamp it", "rerun"},
		{Unfinished{Revision: "a1", Direction: revision.Up, Done: 0, InFlight: 1, NoResume: true, Kind: "Go"}, "statement 1 was running when it stopped; it cannot resume", "rerun"},
		{Unfinished{Revision: "a1", Direction: revision.Up, NoResume: true, Kind: "Go"}, "rerun it to resume", "cannot resume"},
	}
	for _, c := range cases {
		s := c.u.String()
		if !strings.Contains(s, c.want) || strings.Contains(s, c.not) {
			t.Errorf("%+v: %q; want %q, not %q", c.u, s, c.want, c.not)
		}
	}
}
