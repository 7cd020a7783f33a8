package reliability

import (
	"database/sql"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// chain is a linear revision chain in testdata/<dialect>: a base with
// FK-linked tables, a seed of 55k rows, then rebuild-triggering revisions
// (FK ON DELETE change on a child with CASCADE children, a CHECK add, a
// column type change) mixed with plain ones.
type chain struct {
	dir   string   // absolute path of the revision files
	order []string // revision ids from base to head
}

var chains = map[string][]string{
	"sqlite":   {"1204f6a3921e", "a00000000002", "2fee05d3a8cf", "a00000000004", "aff5bbc27cef", "73d436b70401", "a00000000007"},
	"mysql":    {"b00000000001", "b00000000002", "b00000000003", "b00000000004", "b00000000005", "b00000000006", "b00000000007"},
	"postgres": {"c00000000001", "c00000000002", "c00000000003", "c00000000004", "c00000000005", "c00000000006", "c00000000007"},
}

func loadChain(t testing.TB, dialect string) chain {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("testdata", dialect))
	if err != nil {
		t.Fatal(err)
	}
	return chain{dir: dir, order: chains[dialect]}
}

// index returns the position of the recorded heads in the chain: -1 for
// base, or an error when they are not one point of the chain.
func (c chain) index(heads []string) (int, error) {
	if len(heads) == 0 {
		return -1, nil
	}
	if len(heads) > 1 {
		return 0, fmt.Errorf("several heads recorded on a linear chain: %v", heads)
	}
	i := slices.Index(c.order, heads[0])
	if i < 0 {
		return 0, fmt.Errorf("recorded head %q is not a revision of the chain", heads[0])
	}
	return i, nil
}

// snapshot is what a database looks like: its reflected schema and a
// fingerprint of every user table's rows.
type snapshot struct {
	schema string
	counts map[string]string
}

func (s snapshot) diff(want snapshot) string {
	var out []string
	if s.schema != want.schema {
		out = append(out, "schema (retort inspect --format json) differs:\n"+firstDiff(s.schema, want.schema))
	}
	if !maps.Equal(s.counts, want.counts) {
		out = append(out, fmt.Sprintf("row fingerprints differ:\n  got  %v\n  want %v", s.counts, want.counts))
	}
	return strings.Join(out, "\n")
}

// firstDiff shows the first differing line of two texts.
func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < max(len(al), len(bl)); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			return fmt.Sprintf("  line %d: got %q, want %q", i+1, x, y)
		}
	}
	return "  (same lines)"
}

// args returns retort's global flags for tg and c.
func args(tg target, c chain, rest ...string) []string {
	return append([]string{"--url", tg.url, "--dir", c.dir}, rest...)
}

func takeSnapshot(t testing.TB, work string, tg target, c chain, db *sql.DB) snapshot {
	t.Helper()
	r := mustRun(t, work, args(tg, c, "inspect", "--format", "json")...)
	return snapshot{schema: r.stdout, counts: tg.rowCounts(t, db)}
}

// current runs retort current and returns the recorded heads.
func current(t testing.TB, work string, tg target, c chain) ([]string, error) {
	t.Helper()
	r := run(t, work, args(tg, c, "current")...)
	if r.code != 0 {
		return nil, fmt.Errorf("retort current failed after the kill: %s", r)
	}
	var heads []string
	for _, line := range strings.Split(r.stdout, "\n") {
		if f := strings.Fields(line); len(f) > 0 {
			heads = append(heads, f[0])
		}
	}
	return heads, nil
}

// references migrates fresh step by step and snapshots every point of the
// chain: refs[0] is base, refs[i+1] is c.order[i].
func references(t testing.TB, work string, fresh target, c chain) []snapshot {
	t.Helper()
	db := fresh.open(t)
	refs := []snapshot{takeSnapshot(t, work, fresh, c, db)}
	for _, id := range c.order {
		mustRun(t, work, args(fresh, c, "upgrade", id)...)
		refs = append(refs, takeSnapshot(t, work, fresh, c, db))
	}
	return refs
}

func tempDir(t testing.TB) string {
	t.Helper()
	d, err := os.MkdirTemp(t.TempDir(), "w")
	if err != nil {
		t.Fatal(err)
	}
	return d
}
