package retort

import (
	"github.com/retortdb/retort/diff"
	"github.com/retortdb/retort/schema"
)

// unmanagedCheck says what a comparison does with the unmanaged objects
// that differ: Check keeps them (into), autogenerate refuses them
// (refuse) unless told to ignore them.
type unmanagedCheck struct {
	into   *[]diff.UnmanagedDifference
	refuse bool
}

func (u unmanagedCheck) check(live, want *schema.Schema, ignore bool) error {
	d := diff.Unmanaged(live, want)
	if u.into != nil {
		*u.into = d
	}
	if len(d) > 0 && u.refuse && !ignore {
		return &diff.UnmanagedError{Differences: d}
	}
	return nil
}
