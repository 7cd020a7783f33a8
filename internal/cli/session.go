package cli

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/config"
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/revision"
	"github.com/retortdb/retort/sqlsplit"
)

// session is what most commands need: the config, the revisions, and on
// demand the database.
type session struct {
	cfg   *config.Config
	dir   string
	graph *revision.Graph
	p     *printer
}

func openSession(g *globals, p *printer) (*session, error) {
	cfg, err := config.Load(g.configPath)
	if err != nil {
		return nil, err
	}
	dir := cfg.Dir
	if g.dir != "" {
		dir = g.dir
	}
	s := &session{cfg: cfg, dir: dir, p: p}
	// Revisions are parsed before any connection, so a malformed file fails
	// with nothing touched (the library parses them again when it opens the
	// database). They are split with the target dialect's lexing rules when
	// the URL is known; history and heads also work without one.
	split := sqlsplit.PostgreSQL
	if _, d, err := s.databaseURL(g); err == nil {
		split = d.SplitOptions()
	}
	revs, err := loadRevisions(dir, revision.LoadOptions{Split: split, Dir: dir,
		MaxFileSize: int64(cfg.MaxFileSize), LimitSetting: cfg.LimitSetting()})
	if err != nil {
		return nil, err
	}
	s.graph, err = revision.NewGraph(revs)
	if err != nil {
		return nil, err
	}
	return s, nil
}

func loadRevisions(dir string, o revision.LoadOptions) ([]*revision.Revision, error) {
	info, err := os.Stat(dir)
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("%w: cannot read revision directory %s: %v", config.ErrConfig, dir, err)
	}
	if !info.IsDir() {
		return nil, fmt.Errorf("%w: revision directory %s is not a directory", config.ErrConfig, dir)
	}
	return revision.LoadFS(os.DirFS(dir), o)
}

// databaseURL resolves and checks the URL without connecting.
func (s *session) databaseURL(g *globals) (string, dialect.Dialect, error) {
	raw, err := s.cfg.DatabaseURL(g.url)
	if err != nil {
		return "", nil, err
	}
	_, d, err := dialect.ParseURL(raw)
	if err != nil {
		return "", nil, fmt.Errorf("%w: %v", config.ErrConfig, err)
	}
	return raw, d, nil
}

// migrator connects to the database.
func (s *session) migrator(ctx context.Context, g *globals) (*retort.Migrator, error) {
	raw, _, err := s.databaseURL(g)
	if err != nil {
		return nil, err
	}
	lockTimeout, err := s.cfg.LockWait(g.lockTimeout)
	if err != nil {
		return nil, err
	}
	opts := retort.Options{
		Log:              s.p.progress(),
		Naming:           s.cfg.NamingConvention(),
		PlainForeignKeys: s.cfg.PlainForeignKeys,
		Verbose:          g.verbose,
		CacheDir:         cacheDir(g),
		MaxFileSize:      int64(s.cfg.MaxFileSize),
		LockTimeout:      lockTimeout,
	}
	var revisions fs.FS
	if info, err := os.Stat(s.dir); err == nil && info.IsDir() {
		revisions = os.DirFS(s.dir)
	}
	return retort.Open(ctx, raw, revisions, opts)
}

// withDatabase opens the session and the database, runs fn, and closes
// the database again.
func withDatabase(cmd *cobra.Command, g *globals, p *printer, fn func(s *session, m *retort.Migrator) error) error {
	s, err := openSession(g, p)
	if err != nil {
		return err
	}
	m, err := s.migrator(cmd.Context(), g)
	if err != nil {
		return err
	}
	defer m.Close()
	return fn(s, m)
}

// withDesired is withDatabase for commands that also read the desired
// schema files; those are read first, so a missing file is reported
// without connecting.
func withDesired(cmd *cobra.Command, g *globals, p *printer, fn func(s *session, m *retort.Migrator, files []dialect.SourceFile) error) error {
	s, err := openSession(g, p)
	if err != nil {
		return err
	}
	files, err := s.cfg.SchemaFiles()
	if err != nil {
		return err
	}
	m, err := s.migrator(cmd.Context(), g)
	if err != nil {
		return err
	}
	defer m.Close()
	return fn(s, m, files)
}

// cacheDir is where loaded desired schemas are kept between runs: the
// user's cache directory, unless turned off.
func cacheDir(g *globals) string {
	if g.noCache || os.Getenv("RETORT_NO_CACHE") == "1" {
		return ""
	}
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "retort")
}
