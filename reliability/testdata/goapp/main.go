// Command goapp is a program that embeds retort with a Go revision, as
// an application does (the retort command cannot load Go revisions), for
// gorevision_kill_test.go:
//
//	goapp URL upgrade      upgrade to head, printing every statement
//	goapp URL forget ID    retort resolve ID --forget, through the library
//	goapp URL stamp ID     retort stamp ID, through the library
package main

import (
	"context"
	"fmt"
	"os"
	"testing/fstest"

	"github.com/retortdb/retort"
	_ "github.com/retortdb/retort/dialect/postgres"
	"github.com/retortdb/retort/op"
)

// indexes builds an index on each of two tables online (PostgreSQL:
// CREATE INDEX CONCURRENTLY, so the revision runs stepwise and each
// build commits on its own), then counts its run in a plain statement,
// which must take effect once.
var indexes = &retort.GoRevision{
	ID: "0c0c00000001", Message: "online indexes",
	Up: func(_ context.Context, o *op.Builder) error {
		if err := o.Online().CreateIndex("t_a_idx", "t", "a"); err != nil {
			return err
		}
		if err := o.Online().CreateIndex("u_b_idx", "u", "b"); err != nil {
			return err
		}
		return o.Execute("UPDATE runs SET n = n + 1")
	},
}

func main() {
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: goapp URL upgrade | forget ID | stamp ID")
		os.Exit(2)
	}
	if err := run(context.Background(), os.Args[1], os.Args[2], os.Args[3:]); err != nil {
		fmt.Fprintln(os.Stderr, "goapp:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, url, cmd string, args []string) error {
	m, err := retort.Open(ctx, url, fstest.MapFS{},
		retort.Options{GoRevisions: []*retort.GoRevision{indexes}, Log: os.Stdout, Verbose: true})
	if err != nil {
		return err
	}
	defer m.Close()
	switch {
	case cmd == "upgrade" && len(args) == 0:
		_, err = m.Upgrade(ctx, "head")
	case cmd == "forget" && len(args) == 1:
		err = m.Resolve(ctx, args[0], retort.Resolution{Forget: true})
	case cmd == "stamp" && len(args) == 1:
		err = m.Stamp(ctx, args[0])
	default:
		err = fmt.Errorf("unknown command %s %v", cmd, args)
	}
	return err
}
