package corpus

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/internal/golden"
	"github.com/retortdb/retort/sqlsplit"
)

// revisionID is the id of the one revision each case autogenerates.
const revisionID = "c0ffee0c0de5"

// runCase runs one case and returns what went wrong, nothing when it
// passes. A problem that leaves nothing to check further ends the run.
func runCase(t *testing.T, tg target, c *corpusCase) (problems []string) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	live, direct := tg.fresh(t), tg.fresh(t)
	fail := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }

	for _, db := range []*url.URL{live, direct} {
		if err := execSQL(ctx, tg, db, c.outside); err != nil {
			fail("outside.sql: %v", err)
			return
		}
	}
	if err := execSQL(ctx, tg, live, c.current); err != nil {
		fail("current.sql: %v", err)
		return
	}
	if err := execSQL(ctx, tg, direct, c.desired); err != nil {
		fail("desired.sql: %v", err)
		return
	}
	currentCat, err := tg.catalog(ctx, live)
	if err != nil {
		fail("catalog of current.sql: %v", err)
		return
	}
	desiredCat, err := tg.catalog(ctx, direct)
	if err != nil {
		fail("catalog of desired.sql: %v", err)
		return
	}
	differ := catalogDiff(currentCat, desiredCat) != ""

	cache := t.TempDir()
	opts := retort.Options{CacheDir: cache}
	if tg.devURL != nil {
		opts.DevURL = tg.devURL(t)
	}
	desired := retort.SQLFiles{{Name: "desired.sql", SQL: c.desired}}
	m, err := retort.Open(ctx, live.String(), nil, opts)
	if err != nil {
		fail("open: %v", err)
		return
	}
	defer m.Close()
	if rep, err := m.Check(ctx, desired); err != nil {
		fail("check before the upgrade: %v", err)
		return
	} else if differ && rep.Clean() {
		fail("check is clean before the upgrade, but the catalogs of current.sql and desired.sql differ")
	} else if !differ && !rep.Clean() {
		fail("check before the upgrade reports changes, but the catalogs of current.sql and desired.sql are equal: %s", describeReport(rep))
	}

	up, down, ops, err := m.Autogenerate(ctx, desired, retort.AutogenerateOptions{
		Renames: c.flags.renames, NoRename: c.flags.noRename, IgnoreUnmanaged: c.flags.ignoreUnmanaged})
	if err != nil {
		fail("autogenerate: %v", err)
		return
	}
	got := statementsText(up)
	if golden.Update() {
		if err := c.writeUpgrade(got); err != nil {
			fail("rewriting upgrade.sql: %v", err)
		}
	} else if got != c.upgrade {
		fail("upgrade SQL differs from upgrade.sql (go test ./internal/corpus -update rewrites it; review the diff):\n--- got:\n%s--- want:\n%s", got, c.upgrade)
	}
	if len(ops) == 0 {
		if differ {
			fail("autogenerate found no changes, but the catalogs differ:\n%s", catalogDiff(currentCat, desiredCat))
		}
		return
	}

	dir := t.TempDir()
	rev := retort.NewRevision{ID: revisionID, Message: c.name, Created: time.Unix(0, 0).UTC(), Upgrade: got, Downgrade: statementsText(down)}
	if c.flags.allowDestructive {
		rev.Allow = []string{"destructive"}
	}
	if _, err := retort.WriteRevision(dir, rev); err != nil {
		fail("writing the revision: %v", err)
		return
	}
	mr, err := retort.Open(ctx, live.String(), os.DirFS(dir), opts)
	if err != nil {
		fail("open with the revision: %v", err)
		return
	}
	defer mr.Close()
	if _, err := mr.Upgrade(ctx, "head"); err != nil {
		fail("upgrade: %v\n--- upgrade SQL:\n%s", err, got)
		return
	}
	if d := compareCatalog(ctx, tg, live, desiredCat); d != "" {
		fail("after the upgrade the database differs from desired.sql applied directly (- desired, + upgraded):\n%s", d)
	}
	if rep, err := mr.Check(ctx, desired); err != nil {
		fail("check after the upgrade: %v", err)
	} else if !rep.Clean() {
		fail("check after the upgrade is not clean: %s", describeReport(rep))
	}

	if c.flags.skipDowngrade != "" {
		t.Logf("downgrade skipped: %s", c.flags.skipDowngrade)
		return
	}
	if _, err := mr.Downgrade(ctx, "base"); err != nil {
		fail("downgrade: %v\n--- downgrade SQL:\n%s", err, statementsText(down))
		return
	}
	if d := compareCatalog(ctx, tg, live, currentCat); d != "" {
		fail("after the downgrade the database differs from current.sql applied directly (- current, + downgraded):\n%s\n--- downgrade SQL:\n%s", d, statementsText(down))
	}
	return
}

// compareCatalog snapshots u and returns its difference from want.
func compareCatalog(ctx context.Context, tg target, u *url.URL, want []string) string {
	got, err := tg.catalog(ctx, u)
	if err != nil {
		return "catalog: " + err.Error()
	}
	return catalogDiff(want, got)
}

// execSQL runs a case's SQL on u statement by statement, as a user would
// with the database's own client.
func execSQL(ctx context.Context, tg target, u *url.URL, src string) error {
	stmts, err := sqlsplit.SplitWith(src, tg.dialect.SplitOptions())
	if err != nil {
		return err
	}
	db, err := tg.dialect.Open(ctx, u)
	if err != nil {
		return err
	}
	defer db.Close()
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	for _, s := range stmts {
		if _, err := conn.ExecContext(ctx, s.SQL); err != nil {
			return fmt.Errorf("line %d: %s: %w", s.Line, strings.TrimSpace(s.SQL), err)
		}
	}
	return nil
}

// statementsText lays statements out as the CLI writes a revision section.
func statementsText(stmts []string) string {
	var b strings.Builder
	for i, st := range stmts {
		if i > 0 {
			b.WriteString("\n")
		}
		b.WriteString(strings.TrimRight(st, "; \n\t"))
		b.WriteString(";\n")
	}
	return b.String()
}

func describeReport(rep *retort.CheckReport) string {
	var parts []string
	if !rep.AtHead {
		parts = append(parts, fmt.Sprintf("not at head (at %v, heads %v)", rep.Current, rep.Heads))
	}
	if len(rep.Changes) > 0 {
		parts = append(parts, "changes: "+retort.Describe(rep.Changes))
	}
	for _, u := range rep.Unmanaged {
		parts = append(parts, fmt.Sprintf("unmanaged: %v", u))
	}
	if len(rep.Edited)+len(rep.Unfinished) > 0 {
		parts = append(parts, fmt.Sprintf("edited %v, unfinished %v", rep.Edited, rep.Unfinished))
	}
	return strings.Join(parts, "; ")
}
