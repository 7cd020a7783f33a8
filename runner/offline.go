package runner

import (
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
func OfflineSQL(d dialect.Dialect, g *revision.Graph, from []string, target string, down bool) (string, error) {
	var plan []*revision.Revision
	var err error
	dir := dirUp
	if down {
		dir = dirDown
		plan, err = g.DowngradePlan(from, target)
	} else {
		plan, err = g.UpgradePlan(from, target)
	}
	if err != nil {
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
	for _, rev := range plan {
		stmts := rev.Upgrade
		if down {
			stmts = rev.Downgrade
		}
		texts := make([]string, len(stmts))
		for i, s := range stmts {
			texts[i] = s.SQL
		}
		p := d.Prepare(texts)
		var next []string
		if down {
			next = g.HeadsAfterDowngrade(heads, rev)
		} else {
			next = g.HeadsAfterUpgrade(heads, rev)
		}
		heads = next
		rec := record{heads: next, history: []entry{{revision: rev.ID, direction: dir, checksum: rev.Checksum, at: at}}}

		fmt.Fprintf(&w, "\n-- %s: %s\n", rev.ID, oneLine(rev.Message))
		writeAll(&w, p.Before)
		tx := d.TransactionalDDL() && !p.NoTransaction
		if tx {
			writeStmt(&w, d.BeginSQL())
		}
		writeAll(&w, p.Body)
		for _, c := range p.Checks {
			w.WriteString("-- must return no rows:\n")
			writeStmt(&w, c)
		}
		if tx && len(p.Deferred) > 0 {
			writeStmt(&w, "COMMIT")
		}
		if !tx {
			writeAll(&w, p.Deferred)
		}
		if !tx || len(p.Deferred) > 0 {
			writeStmt(&w, d.BeginSQL())
		}
		if tx {
			writeAll(&w, p.Deferred)
		}
		book, _ := rec.sql(func(_ int, v any) string { return literal(v) })
		writeAll(&w, book)
		writeStmt(&w, "COMMIT")
		writeAll(&w, p.After)
	}
	return w.String(), nil
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
