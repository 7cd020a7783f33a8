package runner

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/revision"
)

// now is the time offline scripts record as applied_at; tests fix it.
var now = time.Now

// OfflineSQL returns the script that takes a database at heads from to
// target (reverting when down) without touching any database: the
// bookkeeping tables, then per revision a "-- <id>: <message>" comment,
// Plan.Before, the transaction with the body, checks and the
// retort_version/retort_history statements (literal values; applied_at
// is the time the script was made), and Plan.After.
//
// A Go revision is rendered with an empty live schema: it works offline
// only when it changes nothing but tables it creates itself (CreateTable,
// then indexes, keys, columns on them, and Execute); anything else fails
// with an error wrapping op.ErrNeedsDatabase.
func OfflineSQL(d dialect.Dialect, g *revision.Graph, from []string, target string, down bool) (string, error) {
	return offlineSQL(d, g, from, target, down, dialect.RenderOptions{}, nil)
}

// OfflineSQL is the package's OfflineSQL with the runner's dialect, graph
// and render options.
func (r *Runner) OfflineSQL(from []string, target string, down bool) (string, error) {
	return offlineSQL(r.Dialect, r.Graph, from, target, down, r.RenderOptions, r.OfflineNotes)
}

func offlineSQL(d dialect.Dialect, g *revision.Graph, from []string, target string, down bool, opts dialect.RenderOptions,
	notes func(*revision.Revision) []string) (string, error) {
	var plan []*revision.Revision
	var err error
	dir := revision.Up
	if down {
		dir = revision.Down
		plan, err = g.DowngradePlan(from, target)
	} else {
		plan, err = g.UpgradePlan(from, target)
	}
	if err != nil {
		return "", err
	}
	if err := refuse(plan, dir); err != nil {
		return "", err
	}
	var w strings.Builder
	verb := map[bool]string{false: "upgrade", true: "downgrade"}[down]
	fmt.Fprintf(&w, "-- retort %s to %s from %s (%s)\n\n", verb, target, headsText(from), d.Name())
	for _, s := range d.VersionTablesDDL() {
		writeStmt(&w, s)
	}
	heads := slices.Clone(from)
	at := now()
	r := &Runner{Dialect: d, Graph: g, RenderOptions: opts}
	for _, rev := range plan {
		j, err := r.newJob(context.Background(), nil, rev, dir)
		if err != nil {
			return "", err
		}
		var next []string
		if down {
			next = g.HeadsAfterDowngrade(heads, rev)
		} else {
			next = g.HeadsAfterUpgrade(heads, rev)
		}
		heads = next
		rec := record{heads: next, history: []entry{{revision: rev.ID, direction: dir, checksum: rev.Checksum, at: at}}}
		fmt.Fprintf(&w, "\n-- %s: %s\n", rev.ID, oneLine(rev.Message))
		if notes != nil {
			for _, n := range notes(rev) {
				fmt.Fprintf(&w, "-- %s\n", oneLine(n))
			}
		}
		j.writeOffline(&w, rec)
	}
	return w.String(), nil
}

// writeOffline writes one revision the way runTx and runStepwise run it:
// the same transactions, with the record committed together with the
// body and the deferred statements after it. Progress rows are left out:
// a script run by hand cannot resume.
func (j *job) writeOffline(w *strings.Builder, rec record) {
	d := j.r.Dialect
	p := j.plan
	writeAll(w, p.Before)
	for _, c := range p.PreChecks {
		w.WriteString("-- must return no rows before the revision starts:\n-- ")
		w.WriteString(oneLine(c))
		w.WriteString(";\n")
	}
	tx := j.transactional()
	if tx {
		writeStmt(w, d.BeginSQL())
		writeAll(w, p.Body)
	} else {
		for i := 0; i < len(p.Body); {
			n := j.group(p.Body, i)
			if n == 0 {
				writeStmt(w, p.Body[i])
				i++
				continue
			}
			writeStmt(w, d.BeginSQL())
			writeAll(w, p.Body[i:i+n])
			writeStmt(w, "COMMIT")
			i += n
		}
	}
	for _, c := range p.Checks {
		w.WriteString("-- must return no rows:\n")
		writeStmt(w, c)
	}
	if !tx {
		writeStmt(w, d.BeginSQL())
	}
	book, _ := rec.sql(func(_ int, v any) string { return literal(v) })
	writeAll(w, book)
	writeStmt(w, "COMMIT")
	for _, s := range p.Deferred {
		writeStmt(w, d.BeginSQL())
		writeStmt(w, s)
		writeStmt(w, "COMMIT")
	}
	writeAll(w, p.After)
}

func writeAll(w *strings.Builder, stmts []string) {
	for _, s := range stmts {
		writeStmt(w, s)
	}
}

func writeStmt(w *strings.Builder, s string) {
	w.WriteString(strings.TrimRight(strings.TrimSpace(s), ";"))
	w.WriteString(";\n")
}

// literal renders a bookkeeping value; they are ids, checksums,
// timestamps and numbers, quoted the standard way.
func literal(v any) string {
	switch v := v.(type) {
	case string:
		return "'" + strings.ReplaceAll(v, "'", "''") + "'"
	default:
		return fmt.Sprint(v)
	}
}

func headsText(ids []string) string {
	if len(ids) == 0 {
		return "base"
	}
	return strings.Join(ids, ", ")
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
