package runner

import (
	"fmt"
	"strings"

	"github.com/retortdb/retort/revision"
)

// MigrationError is a revision that failed to apply or revert.
type MigrationError struct {
	Revision  *revision.Revision
	Direction revision.Direction // revision.Up or revision.Down
	Statement revision.Statement // the failing statement; Line 0 when not from the file
	Executed  int                // statements that ran before the failing one
	Err       error
	// Message is the database's own description of Err (with its detail
	// and hint where the dialect gives them); "" uses Err.
	Message string

	// Total is the number of statements of the revision's plan.
	Total int
	// NotRolledBack is set when the executed statements stayed in effect
	// (non-transactional DDL); a rerun resumes after them.
	NotRolledBack bool
	// Pending counts the deferred statements (validations) left to run of
	// a revision whose body is applied and recorded; a rerun of upgrade
	// runs only them.
	Pending int
}

func (e *MigrationError) Error() string {
	var b strings.Builder
	where := e.Revision.File
	if where == "" {
		where = "revision " + e.Revision.ID
	}
	if e.Statement.Line > 0 {
		where = fmt.Sprintf("%s:%d", where, e.Statement.Line)
	}
	msg := e.Message
	if msg == "" {
		msg = e.Err.Error()
	}
	detail := ""
	msg, detail, _ = strings.Cut(msg, "\n")
	fmt.Fprintf(&b, "revision %s (%s) failed: %s", e.Revision.ID, where, msg)
	if e.Statement.SQL != "" {
		fmt.Fprintf(&b, "\n  statement: %s", e.Statement.SQL)
	}
	if detail != "" {
		fmt.Fprintf(&b, "\n%s", detail)
	}
	if e.Pending > 0 {
		fmt.Fprintf(&b, "\n  the revision's other statements are applied and it is recorded; %d deferred statement(s) from this one on are pending: fix the cause, then rerun upgrade, which runs only them", e.Pending)
		return b.String()
	}
	if e.NotRolledBack {
		cmd := "upgrade"
		if e.Direction == revision.Down {
			cmd = "downgrade"
		}
		if e.Executed == 0 {
			fmt.Fprintf(&b, "\n  no statement of %d ran before it; fix and rerun %s", e.Total, cmd)
		} else {
			fmt.Fprintf(&b, "\n  statements 1..%d of %d ran and were NOT rolled back; fix and rerun %s to resume at statement %d",
				e.Executed, e.Total, cmd, e.Executed+1)
		}
	}
	return b.String()
}

func (e *MigrationError) Unwrap() error { return e.Err }
