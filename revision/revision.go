// Package revision orders revisions in a revision graph: branches,
// merges and depends-on, with upgrade and downgrade plans in Alembic's
// sense. What a revision runs is its Body; package revfile reads and
// writes revision files.
package revision

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"
)

// ErrInvalid is wrapped by every error about bad input: a malformed file,
// an inconsistent graph, an unknown or ambiguous target.
var ErrInvalid = errors.New("invalid revision")

// Revision is one node of the graph and what it runs.
type Revision struct {
	ID        string
	Parents   []string
	DependsOn []string
	Message   string
	Created   time.Time
	File      string // file name as found, for messages
	// Allow lists the lint rules the revision accepts findings of, from
	// "-- retort:allow RULE[, RULE...]" lines; "destructive" also lets
	// upgrade run its drops.
	Allow []string
	// Checksum identifies the body as applied, so an edit of an applied
	// revision is detectable; see Checksum.
	Checksum string
	// Body is what the revision runs; the runner needs it, planning does
	// not.
	Body Body
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

// ValidID reports whether id is usable: letters, digits and '_' only (so
// "<id>+N" and "<id>-N" are unambiguous), and not a target keyword.
func ValidID(id string) bool {
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

// Checksum hashes a revision's two sections (a file's upgrade and
// downgrade SQL) with line endings normalized, so a checkout with CRLF
// line endings does not look edited.
func Checksum(up, down string) string {
	h := sha256.New()
	for _, s := range []string{up, down} {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		fmt.Fprintf(h, "%d:%s", len(s), s)
	}
	return hex.EncodeToString(h.Sum(nil))
}
