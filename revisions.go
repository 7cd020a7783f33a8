package retort

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/userfile"
	"github.com/retortdb/retort/revision"
	"github.com/retortdb/retort/revision/revfile"
)

// Revisions are the revision files and Go revisions, parsed and checked
// once: they answer graph questions without a database, and Open and New
// build Migrators on them without parsing again.
type Revisions struct {
	g *revision.Graph
	// d gave the lexing rules the files were split with; nil when the
	// loader named no dialect (graph questions only).
	d     dialect.Dialect
	fsys  fs.FS  // nil for none; Lint reads pending files again
	dir   string // names the files in errors; "" names them alone
	limit userfile.Limit
}

// LoadRevisions parses the revision files at the root of revisions (nil
// for none) and opts.GoRevisions, split with the lexing rules of
// opts.Dialect (or DialectName). Without a dialect the revisions answer
// graph questions (History, Heads, Lookup) but build no Migrator. Every
// bad file is reported; each error matches ErrInvalid.
func LoadRevisions(revisions fs.FS, opts Options) (*Revisions, error) {
	return loadNamed("retort.LoadRevisions", revisions, "", opts)
}

// LoadRevisionsDir is LoadRevisions of the directory dir, which errors
// name with each file.
func LoadRevisionsDir(dir string, opts Options) (*Revisions, error) {
	return loadNamed("retort.LoadRevisionsDir", os.DirFS(dir), dir, opts)
}

func loadNamed(fn string, revisions fs.FS, dir string, opts Options) (*Revisions, error) {
	if err := checkOptions(fn, opts); err != nil {
		return nil, err
	}
	d, err := opts.dialect(fn)
	if err != nil {
		return nil, err
	}
	return loadRevisions(revisions, d, dir, opts)
}

func loadRevisions(revisions fs.FS, d dialect.Dialect, dir string, opts Options) (*Revisions, error) {
	setting := opts.MaxFileSizeSetting
	if setting == "" {
		setting = "retort.Options.MaxFileSize"
	}
	r := &Revisions{d: d, fsys: revisions, dir: dir, limit: userfile.Limit{Max: opts.MaxFileSize, Setting: setting}}
	var revs []*revision.Revision
	if revisions != nil {
		// Without a dialect, the splitter's default rules: enough for the
		// graph, which is all such revisions are used for.
		o := revfile.LoadOptions{Dir: dir, MaxFileSize: opts.MaxFileSize, LimitSetting: setting}
		if d != nil {
			o.Split = d.SplitOptions()
		}
		var err error
		if revs, err = revfile.LoadFS(revisions, o); err != nil {
			return nil, err
		}
	}
	for _, gr := range opts.GoRevisions {
		rev, err := gr.revision()
		if err != nil {
			return nil, err
		}
		revs = append(revs, rev)
	}
	var err error
	if r.g, err = revision.NewGraph(revs); err != nil {
		return nil, err
	}
	return r, nil
}

// Open connects to databaseURL and migrates it with r, as the package's
// Open does; the loading options (MaxFileSize, GoRevisions) are not
// looked at again.
func (r *Revisions) Open(ctx context.Context, databaseURL string, opts Options) (*Migrator, error) {
	u, d, err := urlDialect(databaseURL, opts)
	if err != nil {
		return nil, err
	}
	if err := r.usableWith(d); err != nil {
		return nil, err
	}
	return r.open(ctx, u, d, opts)
}

func (r *Revisions) open(ctx context.Context, u *url.URL, d dialect.Dialect, opts Options) (*Migrator, error) {
	db, err := d.Open(ctx, u)
	if err != nil {
		return nil, err
	}
	m := newMigrator(db, d, r, opts)
	m.owned, m.url = true, u
	return m, nil
}

// New migrates db with r, as the package's New does. The dialect is the
// options' or else the one r was loaded with.
func (r *Revisions) New(db *sql.DB, opts Options) (*Migrator, error) {
	d, err := opts.dialect("Revisions.New")
	if err != nil {
		return nil, err
	}
	if d == nil {
		d = r.d
	}
	if err := r.usableWith(d); err != nil {
		return nil, err
	}
	return newMigrator(db, d, r, opts), nil
}

// usableWith checks the revisions were split for dialect d.
func (r *Revisions) usableWith(d dialect.Dialect) error {
	switch {
	case r.d == nil:
		return errors.New("these revisions were loaded without a dialect, so their files were not split for one: give LoadRevisions Options.Dialect")
	case d != nil && d.Name() != r.d.Name():
		return fmt.Errorf("these revisions were loaded for %s but the database is %s", r.d.Name(), d.Name())
	}
	return nil
}
