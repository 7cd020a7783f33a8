package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/config"
)

// session is what most commands need: the config, the revisions, and on
// demand the database.
type session struct {
	cfg  *config.Config
	dir  string
	revs *retort.Revisions
	p    *printer
	// allowDestructive is upgrade's --allow-destructive.
	allowDestructive bool
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
	// Revisions are parsed once, before any connection, so a malformed
	// file fails with nothing touched; the database is opened on them. They
	// are split with the target dialect's lexing rules when the URL is
	// known; history and heads also work without one.
	opts := retort.Options{MaxFileSize: int64(cfg.MaxFileSize), MaxFileSizeSetting: cfg.LimitSetting()}
	if _, d, err := s.databaseURL(g); err == nil {
		opts.Dialect = d
	}
	if s.revs, err = loadRevisions(dir, opts); err != nil {
		return nil, err
	}
	return s, nil
}

func loadRevisions(dir string, opts retort.Options) (*retort.Revisions, error) {
	info, err := os.Stat(dir)
	if os.IsNotExist(err) {
		return retort.LoadRevisions(nil, opts)
	}
	if err != nil {
		return nil, fmt.Errorf("%w: cannot read revision directory %s: %w", config.ErrConfig, dir, err)
	}
	if !info.IsDir() {
		return nil, fmt.Errorf("%w: revision directory %s is not a directory", config.ErrConfig, dir)
	}
	return retort.LoadRevisionsDir(dir, opts)
}

// databaseURL resolves and checks the URL without connecting.
func (s *session) databaseURL(g *globals) (string, retort.Dialect, error) {
	raw, err := s.cfg.DatabaseURL(g.url)
	if err != nil {
		return "", nil, err
	}
	d, err := retort.DialectOf(raw)
	if err != nil {
		return "", nil, fmt.Errorf("%w: %w", config.ErrConfig, err)
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
	devURL, err := s.cfg.ScratchURL()
	if err != nil {
		return nil, err
	}
	return s.revs.Open(ctx, raw, retort.Options{
		Log:              s.p.progress(),
		Naming:           s.cfg.NamingConvention(),
		PlainForeignKeys: s.cfg.PlainForeignKeys,
		Verbose:          g.verbose,
		DevURL:           devURL,
		CacheDir:         cacheDir(g),
		LockTimeout:      lockTimeout,
		AllowDestructive: s.allowDestructive,
	})
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
func withDesired(cmd *cobra.Command, g *globals, p *printer, fn func(s *session, m *retort.Migrator, desired retort.Desired) error) error {
	s, err := openSession(g, p)
	if err != nil {
		return err
	}
	desired, err := s.desired()
	if err != nil {
		return err
	}
	m, err := s.migrator(cmd.Context(), g)
	if err != nil {
		return err
	}
	defer m.Close()
	return fn(s, m, desired)
}

// desired is the config's desired schema: its files read now, its
// programs (exec:, gorm:, ent:, bun:) run when the schema is loaded.
func (s *session) desired() (retort.Desired, error) {
	sources, err := s.cfg.SchemaSources()
	if err != nil {
		return nil, err
	}
	timeout, err := s.cfg.SourceWait()
	if err != nil {
		return nil, err
	}
	var all retort.Sources
	for _, src := range sources {
		switch {
		case src.Command != nil:
			all = append(all, retort.Command{Args: src.Command, Dir: src.Dir, Timeout: timeout, Name: src.Spec})
		case src.ORM != "":
			all = append(all, retort.GoModels{ORM: src.ORM, Package: src.Package, Dir: src.Dir, Timeout: timeout, Name: src.Spec})
		default:
			all = append(all, retort.SQLFiles(src.Files))
		}
	}
	return all, nil
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
