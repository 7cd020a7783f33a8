package revision

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/retortdb/retort/sqlsplit"
)

// Load parses every *.sql file at the root of fsys (other files and
// directories are ignored), with PostgreSQL lexing rules; see LoadWith.
func Load(fsys fs.FS) ([]*Revision, error) {
	return LoadWith(fsys, sqlsplit.PostgreSQL)
}

// LoadWith is Load with the lexing rules of the target dialect. Every
// bad file is reported, joined; each error matches ErrInvalid.
func LoadWith(fsys fs.FS, opts sqlsplit.Options) ([]*Revision, error) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, fmt.Errorf("reading the revisions directory: %w", err)
	}
	var revs []*Revision
	var errs []error
	for _, e := range entries { // sorted by name
		name := e.Name()
		if e.IsDir() || path.Ext(name) != ".sql" {
			continue
		}
		src, err := fs.ReadFile(fsys, name)
		if err != nil {
			errs = append(errs, fmt.Errorf("reading revision file %s: %w", name, err))
			continue
		}
		r, err := ParseWith(name, src, opts)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if name != r.ID+".sql" && !strings.HasPrefix(name, r.ID+"_") {
			errs = append(errs, &Error{File: name, Msg: fmt.Sprintf("file name does not start with its revision id %s (want %s)", r.ID, FileName(r.ID, r.Message))})
			continue
		}
		revs = append(revs, r)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return revs, nil
}
