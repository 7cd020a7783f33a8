package revfile

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"strings"

	"github.com/retortdb/retort/internal/userfile"
	"github.com/retortdb/retort/revision"
	"github.com/retortdb/retort/sqlsplit"
)

// DefaultMaxFileSize is the size limit of a revision file unless
// LoadOptions.MaxFileSize says otherwise.
const DefaultMaxFileSize = userfile.DefaultMax

// LoadOptions configure LoadFS.
type LoadOptions struct {
	// Split is the lexing rules of the target dialect; the zero value is
	// PostgreSQL's.
	Split sqlsplit.Options
	// MaxFileSize caps each file, in bytes; 0 means DefaultMaxFileSize.
	MaxFileSize int64
	// Dir names the directory in errors about reading a file
	// ("migrations"); "" names the file alone.
	Dir string
	// LimitSetting says where MaxFileSize is set, for the error about a
	// file over it ("max_file_size in retort.toml").
	LimitSetting string
}

// LoadWith parses every *.sql file at the root of fsys (other files and
// directories are ignored) with the target dialect's lexing rules; see LoadFS.
func LoadWith(fsys fs.FS, opts sqlsplit.Options) ([]*revision.Revision, error) {
	return LoadFS(fsys, LoadOptions{Split: opts})
}

// LoadFS parses every *.sql file at the root of fsys. Only regular files
// (or symbolic links to one) of at most MaxFileSize are read: anything
// else named *.sql, such as a named pipe or a link to a device, is an
// error rather than a hang. Every bad file is reported, joined; each
// error matches revision.ErrInvalid.
func LoadFS(fsys fs.FS, o LoadOptions) ([]*revision.Revision, error) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, fmt.Errorf("reading the revisions directory: %w", err)
	}
	lim := userfile.Limit{Max: o.MaxFileSize, Setting: o.LimitSetting}
	var revs []*revision.Revision
	var errs []error
	for _, e := range entries { // sorted by name
		name := e.Name()
		if e.IsDir() || path.Ext(name) != ".sql" {
			continue
		}
		shown := name
		if o.Dir != "" {
			shown = filepath.Join(o.Dir, name)
		}
		src, err := userfile.ReadFS(fsys, name, "revision file "+shown, lim)
		if err != nil {
			errs = append(errs, &revision.Error{Err: err})
			continue
		}
		r, err := ParseWith(name, src, o.Split)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if name != r.ID+".sql" && !strings.HasPrefix(name, r.ID+"_") {
			errs = append(errs, &revision.Error{File: name, Msg: fmt.Sprintf("file name does not start with its revision id %s (want %s)", r.ID, FileName(r.ID, r.Message))})
			continue
		}
		revs = append(revs, r)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return revs, nil
}
