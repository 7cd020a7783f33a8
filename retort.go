// Package retort is the library form of the retort CLI: open a database,
// load revisions from any fs.FS (embed.FS included) and migrate, so an
// application can bring its schema up to date at start-up.
//
//	m, err := retort.Open(ctx, "sqlite://app.db", migrations, retort.Options{})
//	...
//	defer m.Close()
//	_, err = m.Upgrade(ctx, "head")
//
// Everything the retort command does goes through this package: the CLI
// imports no other package of the module but config.
package retort

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
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

// Dialect is a database family: import its package (dialect/sqlite,
// dialect/postgres, dialect/mysql) and pass its Dialect{} value.
type Dialect = dialect.Dialect

// Schema is the dialect-neutral schema model Inspect and DesiredSchema
// return.
type Schema = schema.Schema

// Options configures a Migrator.
type Options struct {
	// Dialect is the database's dialect, such as postgres.Dialect{}. New
	// needs it or DialectName; Open takes the dialect from the URL and,
	// when either is set, they must agree.
	Dialect Dialect
	// DialectName names the dialect instead: "sqlite", "postgres" or
	// "mysql" (or postgresql, pg, mariadb, sqlite3). Its package must be
	// imported; the error otherwise names the import to add.
	DialectName string
	// Log receives progress lines, as the command line prints them; nil is
	// silent.
	Log io.Writer
	// Logger, when set, receives the same events as structured records
	// (either or both may be set): "revision start" and "revision end"
	// (status ok, skipped or failed, duration_ms), "statement start" and
	// "statement" (its SQL) at debug level, "statement still running",
	// "note", and "waiting for the migration lock" (holder) at warn level.
	// Every revision record carries the attribute "revision" (its id).
	Logger *slog.Logger
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
	// DevURL is the scratch database desired schemas are loaded into; ""
	// is the dialect's default (a temporary database next to the target
	// on a server, memory on SQLite). A Migrator made with New on a server
	// dialect needs it to load one.
	DevURL string
	// CacheDir, when set, keeps loaded desired schemas so an unchanged set
	// of schema files is not loaded into a scratch database again (see
	// DesiredSchema), and on SQLite reflected live schemas (see Inspect).
	CacheDir string
	// AllowDestructive lets Upgrade run pending revisions that lose data
	// without the "-- retort:allow destructive" header (the CLI's
	// --allow-destructive).
	AllowDestructive bool
	// MaxFileSize caps each revision file, in bytes; 0 means
	// revfile.DefaultMaxFileSize (16 MiB). Only regular files are read.
	MaxFileSize int64
	// MaxFileSizeSetting names where MaxFileSize comes from, for the
	// error about a file over it; "" names retort.Options.MaxFileSize.
	MaxFileSizeSetting string
}

// Migrator migrates one database with one set of revisions.
type Migrator struct {
	db     *sql.DB
	owned  bool     // Close closes db
	url    *url.URL // nil with New
	d      dialect.Dialect
	revs   *Revisions
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
// makes a Migrator for work without a database: OfflineSQL, SchemaOf,
// CreateSQL, DesiredSchema with Options.DevURL or on SQLite; the methods
// that need the database return ErrNoDatabase.
func New(db *sql.DB, revisions fs.FS, opts Options) (*Migrator, error) {
	if err := checkOptions("retort.New", opts); err != nil {
		return nil, err
	}
	d, err := opts.dialect("retort.New")
	if err != nil {
		return nil, err
	}
	if d == nil {
		return nil, errors.New("retort.New: Options.Dialect (or DialectName) is required: sqlite, postgres or mysql")
	}
	revs, err := loadRevisions(revisions, d, "", opts)
	if err != nil {
		return nil, err
	}
	return newMigrator(db, d, revs, opts), nil
}

// Open connects to databaseURL (its scheme picks the dialect) and
// migrates it with the revisions at the root of revisions (nil for none,
// as with New). The revisions are parsed before connecting. Close closes
// the connection.
func Open(ctx context.Context, databaseURL string, revisions fs.FS, opts Options) (*Migrator, error) {
	if err := checkOptions("retort.Open", opts); err != nil {
		return nil, err
	}
	u, d, err := urlDialect(databaseURL, opts)
	if err != nil {
		return nil, err
	}
	revs, err := loadRevisions(revisions, d, "", opts)
	if err != nil {
		return nil, err
	}
	return revs.open(ctx, u, d, opts)
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

// dialect returns the dialect the options name; nil when they name none.
func (o Options) dialect(fn string) (dialect.Dialect, error) {
	if o.DialectName == "" {
		return o.Dialect, nil
	}
	d, err := dialect.Lookup(o.DialectName)
	if err != nil {
		return nil, fmt.Errorf("%s: Options.DialectName: %w", fn, err)
	}
	if o.Dialect != nil && o.Dialect.Name() != d.Name() {
		return nil, fmt.Errorf("%s: Options.Dialect is %s but Options.DialectName says %s", fn, o.Dialect.Name(), o.DialectName)
	}
	return d, nil
}

// urlDialect parses databaseURL and checks it agrees with the options'
// dialect.
func urlDialect(databaseURL string, opts Options) (*url.URL, dialect.Dialect, error) {
	u, d, err := dialect.ParseURL(databaseURL)
	if err != nil {
		return nil, nil, err
	}
	want, err := opts.dialect("retort.Open")
	if err != nil {
		return nil, nil, err
	}
	if want != nil && want.Name() != d.Name() {
		return nil, nil, fmt.Errorf("database URL %s is for %s but Options.Dialect says %s", dialect.Redact(databaseURL), d.Name(), want.Name())
	}
	return u, d, nil
}

// DialectOf checks a database URL without connecting and returns its
// dialect. The error never contains the password.
func DialectOf(databaseURL string) (Dialect, error) {
	_, d, err := dialect.ParseURL(databaseURL)
	return d, err
}

// ExampleConfig returns an example database URL and desired schema for the
// dialect name names ("sqlite", "postgres", "mysql", or an alias such as
// "pg" or "mariadb"), as `retort init` writes them.
func ExampleConfig(name string) (url, schemaSQL string, err error) {
	d, err := dialect.Lookup(name)
	if err != nil {
		return "", "", err
	}
	url, schemaSQL = d.Example()
	return url, schemaSQL, nil
}

func newMigrator(db *sql.DB, d dialect.Dialect, revs *Revisions, opts Options) *Migrator {
	opts.Naming.MaxLen = d.Capabilities().NameLimit
	opts.Naming.KeepUnnamedChecks = d.Capabilities().UnnamedChecks
	m := &Migrator{db: db, d: d, revs: revs, graph: revs.g, opts: opts}
	m.runner = &runner.Runner{DB: db, Dialect: d, Graph: revs.g, Log: opts.Log, Logger: opts.Logger, Verbose: opts.Verbose,
		RenderOptions: m.renderOptions(), LockTimeout: opts.LockTimeout}
	return m
}

// Close closes the database if Open opened it.
func (m *Migrator) Close() error {
	if m.owned {
		return m.db.Close()
	}
	return nil
}

// Revisions returns the revisions the Migrator migrates with.
func (m *Migrator) Revisions() *Revisions { return m.revs }
