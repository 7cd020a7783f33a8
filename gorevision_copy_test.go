package retort_test

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/op"
)

// A Go revision's statements are rendered at run time and never split
// from a file, so the runner checks them itself: a COPY ... FROM STDIN
// would wait forever for rows pgx never sends, holding the migration
// lock. It is refused before any statement of the revision runs, as an
// invalid revision naming where Up is and the statement's number; the
// same words quoted in a literal are not a COPY and run.
func TestGoRevisionCopyFromStdin(t *testing.T) {
	cases := []struct {
		name, stmt string
		refused    bool
	}{
		{"plain", "COPY copied FROM STDIN", true},
		{"columns and options", "copy copied (a) from stdin with (format csv)", true},
		{"quoted", "INSERT INTO copied VALUES (1, 'COPY copied FROM STDIN')", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			// A hang would end at this deadline instead of at the refusal.
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
			defer cancel()
			url, dir := freshURL(t, "postgres"), t.TempDir()
			rev := &retort.GoRevision{
				ID: "c0b1e5000001", Message: "copy",
				Up: func(_ context.Context, o *op.Builder) error {
					if err := o.Execute("CREATE TABLE copied (a int, b text)"); err != nil {
						return err
					}
					return o.Execute(c.stmt)
				},
			}
			m, err := retort.Open(ctx, url, os.DirFS(dir), retort.Options{GoRevisions: []*retort.GoRevision{rev}})
			if err != nil {
				t.Fatal(err)
			}
			defer m.Close()
			_, err = m.Upgrade(ctx, "head")
			if !c.refused {
				if err != nil {
					t.Fatalf("upgrade: %v", err)
				}
				return
			}
			if errors.Is(err, context.DeadlineExceeded) || ctx.Err() != nil {
				t.Fatalf("upgrade waited for the deadline: %v", err)
			}
			if !errors.Is(err, retort.ErrInvalid) {
				t.Fatalf("upgrade: %v; want an invalid revision", err)
			}
			for _, want := range []string{"revision c0b1e5000001", "gorevision_copy_test.go:", "statement 2 of its Up function", "COPY ... FROM STDIN", "INSERT statements"} {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("error %q does not say %q", err, want)
				}
			}
			heads, err := m.Current(ctx)
			if err != nil || len(heads) != 0 {
				t.Fatalf("current: %v, %v; want nothing recorded", heads, err)
			}
			var n int
			if err := retort.DBOf(m).QueryRowContext(ctx, "SELECT count(*) FROM pg_class WHERE relname = 'copied'").Scan(&n); err != nil || n != 0 {
				t.Fatalf("table copied: %d, %v; want the revision's first statement not run", n, err)
			}
		})
	}
}
