package dialecttest

import (
	"slices"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/schema"
)

// Plan checks Prepare and the stepwise roles on the statements Render
// makes for the suite's changes, tg.Statements and some plain ones:
// every statement lands in exactly one list, once, in its order; a
// statement that makes a plan stepwise makes any plan it is in stepwise
// and, where DDL is transactional (so that it is the reason), commits on
// its own; effects are known values. RoundTrip checks on the database
// which statements really commit on their own.
func Plan(t *testing.T, tg Target) {
	d := tg.Dialect
	stmts := slices.Concat(renderChanges(t, d), tg.Statements,
		[]string{"INSERT INTO users (email) VALUES ('a@example.com')", "UPDATE users SET email = 'b@example.com'", "DELETE FROM users"})
	in := slices.Clone(stmts)
	p := d.Prepare(stmts)
	if !slices.Equal(in, stmts) {
		t.Fatal("Prepare changed its argument")
	}
	checkPartition(t, stmts, p)
	for _, s := range stmts {
		one := d.Prepare([]string{s})
		checkPartition(t, []string{s}, one)
		if one.NoTransaction && d.Capabilities().TransactionalDDL && !d.CommitsImplicitly(s) {
			t.Errorf("%q alone makes a stepwise plan on a database with transactional DDL, yet CommitsImplicitly says false: the runner would put it in a transaction", s)
		}
		if one.NoTransaction && !p.NoTransaction {
			t.Errorf("%q makes its own plan stepwise but not the plan of all statements", s)
		}
		if e := d.Effect(s); e != dialect.EffectOpaque && e != dialect.EffectSchema && e != dialect.EffectRepeatable {
			t.Errorf("Effect(%q) = %d, not a known effect", s, e)
		}
	}
}

// checkPartition checks that Before, Body, Deferred, Checks and After of
// p hold each of stmts exactly once, each list in the statements' order.
func checkPartition(t *testing.T, stmts []string, p dialect.Plan) {
	t.Helper()
	lists := [][]string{p.Before, p.Body, p.Deferred, p.Checks, p.After}
	var all []string
	for _, l := range lists {
		if !subsequence(l, stmts) {
			t.Errorf("plan list %q is not in the order of the statements %q", l, stmts)
		}
		all = append(all, l...)
	}
	got, want := slices.Sorted(slices.Values(all)), slices.Sorted(slices.Values(stmts))
	if !slices.Equal(got, want) {
		t.Errorf("Prepare(%q) keeps %q: want every statement exactly once", stmts, all)
	}
}

// subsequence reports whether sub appears in seq in order.
func subsequence(sub, seq []string) bool {
	i := 0
	for _, s := range seq {
		if i < len(sub) && sub[i] == s {
			i++
		}
	}
	return i == len(sub)
}

// renderChanges renders the suite's changes from nothing to the second
// version of its schema.
func renderChanges(t *testing.T, d dialect.Dialect) []string {
	t.Helper()
	first := build(t, d, schemaV1...)
	var stmts []string
	stmts = append(stmts, render(t, d, &schema.Schema{}, first)...)
	stmts = append(stmts, render(t, d, first, build(t, d, schemaV2...))...)
	return stmts
}
