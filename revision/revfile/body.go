// Package revfile reads and writes revision files: "-- retort:" headers,
// then a "-- +upgrade" and a "-- +downgrade" section of SQL, split into
// statements with the target dialect's lexing rules.
package revfile

import (
	"context"

	"github.com/retortdb/retort/revision"
)

// Body is a revision file's body: its sections, split.
type Body struct {
	Upgrade   []revision.Statement // Line relative to the whole file
	Downgrade []revision.Statement

	// UpgradeSQL and DowngradeSQL are the sections' text, trimmed.
	UpgradeSQL   string
	DowngradeSQL string

	// Unfilled is set (a *revision.Error at the upgrade marker) when the
	// upgrade section has no statement and the revision is not a merge:
	// upgrading through it is refused.
	Unfilled error
}

// Statements returns the section of dir as split; env is not needed.
func (b *Body) Statements(_ context.Context, dir revision.Direction, _ revision.BodyEnv) ([]revision.Statement, error) {
	if dir == revision.Down {
		return b.Downgrade, nil
	}
	return b.Upgrade, nil
}

// Ready refuses an upgrade through an unfilled revision.
func (b *Body) Ready(dir revision.Direction) error {
	if dir == revision.Up {
		return b.Unfilled
	}
	return nil
}

// Resumable is true: the file gives the same statements on every run
// (edits are caught by the checksum of the statements done).
func (b *Body) Resumable() bool { return true }

func (b *Body) Kind() string { return "SQL" }
