// Package retort is the library form of the retort CLI: open a database,
// load revisions from any fs.FS (embed.FS included) and migrate, so an
// application can bring its schema up to date at start-up.
//
//	m, err := retort.Open(ctx, "sqlite://app.db", migrations, retort.Options{})
//	...
//	defer m.Close()
//	err = m.Upgrade(ctx, "head")
package retort

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"time"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/revision"
	"github.com/retortdb/retort/runner"
	"github.com/retortdb/retort/schema"
)

// ErrNotAtHead is wrapped by Autogenerate when the database is behind
// (or beside) the revision heads.
var ErrNotAtHead = errors.New("database is not at head")

// Options configures a Migrator.
type Options struct {
	// Dialect is required with New: "sqlite", "postgres" or "mysql". With
	// Open it is taken from the URL and, if set, must agree.
	Dialect string
	// Log receives progress lines; nil is silent.
	Log io.Writer
	// Naming names constraints and indexes the desired schema leaves
	// unnamed.
	Naming schema.Naming
	// PlainForeignKeys renders validating FK adds instead of PostgreSQL's
	// NOT VALID + VALIDATE.
	PlainForeignKeys bool
	// Verbose logs every statement before it runs.
	Verbose bool
	// GoRevisions are revisions written in Go; they join the revision
	// files in one graph (parents may name either kind).
	GoRevisions []*GoRevision
	// LockTimeout is how long a migration waits for another one's lock
	// before failing with an error wrapping dialect.ErrLockTimeout; 0
	// means dialect.DefaultLockTimeout (60 s).
	LockTimeout time.Duration
	// CacheDir, when set, keeps loaded desired schemas so an unchanged set
	// of schema files is not loaded into a scratch database again; see
	// Desired.
	CacheDir string
	// MaxFileSize caps each revision file, in bytes; 0 means
	// revision.DefaultMaxFileSize (16 MiB). Only regular files are read.
	MaxFileSize int64
}

// Migrator migrates one database with one set of revisions.
type Migrator struct {
	db     *sql.DB
	owned  bool     // Close closes db
	url    *url.URL // nil with New
	d      dialect.Dialect
	graph  *revision.Graph
	runner *runner.Runner
	opts   Options
}

// ErrNoDatabase is returned by the methods that need the database when
// New was given a nil *sql.DB.
var ErrNoDatabase = errors.New("this Migrator has no database: retort.New was given a nil *sql.DB")

// New migrates db, which the caller keeps owning, with the revisions at
// the root of revisions (use fs.Sub for a subdirectory). A nil revisions
// means no revision files: only Options.GoRevisions, if any. A nil db
// makes a Migrator for work without a database: offline SQL
// (Runner().OfflineSQL), SchemaOf, CreateSQL, Desired with a devURL or on
// SQLite; the methods that need the database return ErrNoDatabase.
func New(db *sql.DB, revisions fs.FS, opts Options) (*Migrator, error) {
	if opts.Dialect == "" {
		return nil, errors.New("retort.New: Options.Dialect is required (sqlite, postgres or mysql)")
	}
	d, err := dialect.ByName(opts.Dialect)
	if err != nil {
		return nil, fmt.Errorf("retort.New: %w (is its package imported? import _ \"github.com/retortdb/retort/dialect/all\")", err)
	}
	if err := checkOptions("retort.New", opts); err != nil {
		return nil, err
	}
	return newMigrator(db, d, revisions, opts)
}

// checkOptions refuses options that would otherwise fail later, or
// panic, far from the mistake.
func checkOptions(fn string, opts Options) error {
	if opts.MaxFileSize < 0 {
		return fmt.Errorf("%s: Options.MaxFileSize is %d; want a positive byte count, or 0 for the default", fn, opts.MaxFileSize)
	}
	for i, gr := range opts.GoRevisions {
		if gr == nil {
			return fmt.Errorf("%s: Options.GoRevisions[%d] is nil", fn, i)
		}
	}
	return nil
}

// Open connects to databaseURL (its scheme picks the dialect) and
// migrates it with the revisions at the root of revisions (nil for none,
// as with New). Close closes the connection.
func Open(ctx context.Context, databaseURL string, revisions fs.FS, opts Options) (*Migrator, error) {
	if err := checkOptions("retort.Open", opts); err != nil {
		return nil, err
	}
	u, d, err := dialect.ParseURL(databaseURL)
	if err != nil {
		return nil, err
	}
	if opts.Dialect != "" && opts.Dialect != d.Name() {
		return nil, fmt.Errorf("database URL %s is for %s but Options.Dialect says %s", dialect.Redact(databaseURL), d.Name(), opts.Dialect)
	}
	db, err := d.Open(ctx, u)
	if err != nil {
		return nil, err
	}
	m, err := newMigrator(db, d, revisions, opts)
	if err != nil {
		db.Close()
		return nil, err
	}
	m.owned, m.url = true, u
	return m, nil
}

func newMigrator(db *sql.DB, d dialect.Dialect, revisions fs.FS, opts Options) (*Migrator, error) {
	opts.Naming.MaxLen = d.Capabilities().NameLimit
	var revs []*revision.Revision
	if revisions != nil {
		var err error
		o := revision.LoadOptions{Split: d.SplitOptions(), MaxFileSize: opts.MaxFileSize, LimitSetting: "retort.Options.MaxFileSize"}
		if revs, err = revision.LoadFS(revisions, o); err != nil {
			return nil, err
		}
	}
	for _, gr := range opts.GoRevisions {
		r, err := gr.revision()
		if err != nil {
			return nil, err
		}
		revs = append(revs, r)
	}
	g, err := revision.NewGraph(revs)
	if err != nil {
		return nil, err
	}
	m := &Migrator{db: db, d: d, graph: g, opts: opts}
	m.runner = &runner.Runner{DB: db, Dialect: d, Graph: g, Log: opts.Log, Verbose: opts.Verbose,
		RenderOptions: dialect.RenderOptions{Naming: opts.Naming, PlainForeignKeys: opts.PlainForeignKeys},
		LockTimeout:   opts.LockTimeout}
	return m, nil
}

// Close closes the database if Open opened it.
func (m *Migrator) Close() error {
	if m.owned {
		return m.db.Close()
	}
	return nil
}

// Upgrade applies revisions up to target ("head", "heads", an id, a
// prefix, "+N").
func (m *Migrator) Upgrade(ctx context.Context, target string) error {
	if m.db == nil {
		return ErrNoDatabase
	}
	_, err := m.runner.Upgrade(ctx, target)
	return err
}

// Downgrade reverts revisions down to target ("base", an id, "-N").
func (m *Migrator) Downgrade(ctx context.Context, target string) error {
	if m.db == nil {
		return ErrNoDatabase
	}
	_, err := m.runner.Downgrade(ctx, target)
	return err
}

// Current returns the revisions the database is at, sorted; empty at base.
func (m *Migrator) Current(ctx context.Context) ([]string, error) {
	if m.db == nil {
		return nil, ErrNoDatabase
	}
	return m.runner.Current(ctx)
}

// Stamp records target as applied without running anything.
func (m *Migrator) Stamp(ctx context.Context, target string) error {
	if m.db == nil {
		return ErrNoDatabase
	}
	return m.runner.Stamp(ctx, target)
}

// Graph returns the revision graph.
func (m *Migrator) Graph() *revision.Graph { return m.graph }

// Runner returns the runner, for results the shortcuts drop.
func (m *Migrator) Runner() *runner.Runner { return m.runner }

// Dialect returns the database's dialect.
func (m *Migrator) Dialect() dialect.Dialect { return m.d }

// DB returns the database handle.
func (m *Migrator) DB() *sql.DB { return m.db }
