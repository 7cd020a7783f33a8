// Package revision reads revision scripts and orders them in a revision
// graph: branches, merges and depends-on, with upgrade and downgrade
// plans in Alembic's sense.
package revision

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/retortdb/retort/sqlsplit"
)

// ErrInvalid is wrapped by every error about bad input: a malformed file,
// an inconsistent graph, an unknown or ambiguous target.
var ErrInvalid = errors.New("invalid revision")

// Revision is one parsed revision script.
type Revision struct {
	ID        string
	Parents   []string
	DependsOn []string
	Message   string
	Created   time.Time
	File      string          // file name as found, for messages
	Upgrade   []sqlsplit.Stmt // Line relative to the whole file
	Downgrade []sqlsplit.Stmt
	// Checksum is the hex sha256 of the upgrade and downgrade sections
	// (not the header), so editing applied SQL is detectable.
	Checksum string

	// UpgradeSQL and DowngradeSQL are the sections' text, trimmed.
	UpgradeSQL   string
	DowngradeSQL string

	// Unfilled is set (an *Error at the upgrade marker) when the upgrade
	// section has no statement and the revision is not a merge: upgrading
	// through it is refused.
	Unfilled error

	// UpgradeGo and DowngradeGo are set for revisions written in Go (see
	// NewGo); they run instead of the SQL sections.
	UpgradeGo, DowngradeGo GoFunc
}

// Error is an invalid-input error; it always matches ErrInvalid.
type Error struct {
	File string // "" for errors not about one file
	Line int    // 0 when not about one line
	Msg  string // "" when Err says it all
	Err  error  // optional cause
}

func (e *Error) Error() string {
	var b strings.Builder
	if e.File != "" {
		b.WriteString(e.File)
		if e.Line > 0 {
			fmt.Fprintf(&b, ":%d", e.Line)
		}
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	if e.Err != nil {
		if e.Msg != "" {
			b.WriteString(": ")
		}
		b.WriteString(e.Err.Error())
	}
	return b.String()
}

func (e *Error) Unwrap() []error {
	if e.Err != nil {
		return []error{ErrInvalid, e.Err}
	}
	return []error{ErrInvalid}
}

func invalid(format string, args ...any) error {
	return &Error{Msg: fmt.Sprintf(format, args...)}
}

// NewID returns 12 random lowercase hex digits.
func NewID() string {
	var b [6]byte
	rand.Read(b[:]) // never fails (crashes the program instead)
	return hex.EncodeToString(b[:])
}

const maxSlug = 40

// FileName returns "<id>_<slug>.sql", the slug made of the message's
// lowercase letters and digits with '_' for runs of anything else, at
// most 40 characters; "<id>.sql" when the message gives no slug.
func FileName(id, message string) string {
	var b strings.Builder
	sep := false
	for _, r := range strings.ToLower(message) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if sep && b.Len() > 0 {
				b.WriteByte('_')
			}
			sep = false
			b.WriteRune(r)
			continue
		}
		sep = true
	}
	slug := b.String()
	if len(slug) > maxSlug {
		slug = strings.TrimRight(slug[:maxSlug], "_")
	}
	if slug == "" {
		return id + ".sql"
	}
	return id + "_" + slug + ".sql"
}

// validID reports whether id is usable: letters, digits and '_' only (so
// "<id>+N" and "<id>-N" are unambiguous), and not a target keyword.
func validID(id string) bool {
	if id == "" || id == "head" || id == "heads" || id == "base" {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}
