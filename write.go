package retort

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/retortdb/retort/diff"
	"github.com/retortdb/retort/gocode"
	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/revision"
	"github.com/retortdb/retort/revision/revfile"
)

// NewRevision is a revision to write as a file.
type NewRevision struct {
	ID        string // "" for 12 new random hex digits
	Parents   []string
	DependsOn []string
	Message   string
	Created   time.Time // zero for now
	// Upgrade and Downgrade are the sections' SQL; empty for a template
	// to fill in (or a merge).
	Upgrade, Downgrade string
	// Allow lists the lint rules the revision accepts, written as the
	// header line "-- retort:allow RULE, ..."; "destructive" lets Upgrade
	// run its drops.
	Allow []string
}

// WriteRevision writes r as a revision file in dir, which is made when
// missing, and returns the file's path.
func WriteRevision(dir string, r NewRevision) (string, error) {
	rev := &revision.Revision{ID: r.ID, Parents: r.Parents, DependsOn: r.DependsOn, Message: r.Message, Created: r.Created, Allow: r.Allow}
	if rev.ID == "" {
		rev.ID = revision.NewID()
	}
	if rev.Created.IsZero() {
		rev.Created = time.Now().UTC().Truncate(time.Second)
	}
	return writeFile(dir, revfile.FileName(rev.ID, rev.Message), revfile.Format(rev, r.Upgrade, r.Downgrade))
}

// WriteGoRevision writes ops (Autogenerate's) as a Go revision using
// op.Builder into dir, made when missing, where the SQL loader ignores
// it: compile it into the program and register it in
// Options.GoRevisions. Its package is named after dir. Of r it uses ID,
// Parents, DependsOn and Message.
func WriteGoRevision(dir string, r NewRevision, ops []op.Op) (string, error) {
	id := r.ID
	if id == "" {
		id = revision.NewID()
	}
	src, err := gocode.Source(gocode.Revision{Package: goPackageName(dir), ID: id, Parents: r.Parents,
		DependsOn: r.DependsOn, Message: r.Message, Up: ops})
	if err != nil {
		return "", fmt.Errorf("writing the revision as Go failed: %w", err)
	}
	return writeFile(dir, gocode.FileName(id, r.Message), src)
}

func writeFile(dir, name string, data []byte) (string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("cannot create revision directory %s: %w", dir, err)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		return "", fmt.Errorf("cannot write revision file %s: %w", path, err)
	}
	return path, nil
}

// goPackageName derives a Go package name from the revision directory.
func goPackageName(dir string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(filepath.Base(filepath.Clean(dir))) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' && b.Len() > 0 {
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		return "migrations"
	}
	return b.String()
}

// Describe lists operations one per line, as check reports differences.
func Describe(ops []op.Op) string { return diff.Describe(ops) }

// Detected is o as autogenerate reports it: its String, with what check
// adds to say why it is there (an INVALID index's rebuild).
func Detected(o op.Op) string { return o.String() + diff.Note(o) }
