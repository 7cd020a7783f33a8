package revfile

import (
	"io/fs"

	"github.com/retortdb/retort/revision"
	"github.com/retortdb/retort/sqlsplit"
)

// The file format's tests read files with PostgreSQL's lexing rules; the
// package itself has no default: callers pass their dialect's.
func parsePG(file string, src []byte) (*revision.Revision, error) {
	return ParseWith(file, src, sqlsplit.PostgreSQL)
}

func loadPG(fsys fs.FS) ([]*revision.Revision, error) {
	return LoadFS(fsys, LoadOptions{Split: sqlsplit.PostgreSQL})
}
