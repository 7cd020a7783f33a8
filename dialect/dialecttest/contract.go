package dialecttest

import (
	"context"
	"errors"
	stdreflect "reflect"
	"strings"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/sqlsplit"
)

// Contract checks what needs no database: names and schemes, stable
// capabilities, the starter example, quoting, the portable types, and
// that errors which are not the database's are neither missing tables
// nor refusals.
func Contract(t *testing.T, d dialect.Dialect) {
	name := d.Name()
	if name == "" || name != strings.ToLower(name) || strings.ContainsAny(name, " :/") {
		t.Errorf("Name() = %q, want a lower-case word", name)
	}
	schemes := d.Schemes()
	if len(schemes) == 0 {
		t.Fatal("Schemes() is empty")
	}
	for _, s := range schemes {
		if s == "" || s != strings.ToLower(s) || strings.Contains(s, ":") {
			t.Errorf("scheme %q: want lower case, without ://", s)
		}
	}
	if a, b := d.Capabilities(), d.Capabilities(); !deepEqual(a, b) {
		t.Errorf("Capabilities() changes between calls: %+v, then %+v", a, b)
	}
	if c := d.Capabilities(); c.NameLimit < 0 {
		t.Errorf("Capabilities().NameLimit = %d", c.NameLimit)
	}

	exURL, exSchema := d.Example()
	scheme, _, ok := strings.Cut(exURL, "://")
	if !ok || !contains(schemes, scheme) {
		t.Errorf("Example URL %q does not use one of the schemes %v", exURL, schemes)
	}
	if reg, err := dialect.ForScheme(scheme); err == nil && reg.Name() == name {
		if _, got, err := dialect.ParseURL(exURL); err != nil || got.Name() != name {
			t.Errorf("ParseURL(Example URL %q) = %v, %v; want this dialect", exURL, got, err)
		}
	}
	if stmts, err := sqlsplit.SplitWith(exSchema, d.SplitOptions()); err != nil || len(stmts) == 0 {
		t.Errorf("the Example schema splits into %d statements, %v", len(stmts), err)
	}

	for _, id := range []string{"users", "select", `we"ird`, "we`ird", "Mixed Case"} {
		q := d.Quote(id)
		if unquoteLoose(q) != id {
			t.Errorf("Quote(%q) = %q loses the name", id, q)
		}
	}
	if p1, p2 := d.Placeholder(1), d.Placeholder(2); p1 == "" || p2 == "" {
		t.Errorf("Placeholder(1), (2) = %q, %q", p1, p2)
	}
	if d.BeginSQL() == "" || d.VersionSQL() == "" || len(d.VersionTablesDDL()) == 0 {
		t.Errorf("BeginSQL %q, VersionSQL %q, VersionTablesDDL %q: want each given", d.BeginSQL(), d.VersionSQL(), d.VersionTablesDDL())
	}

	types := dialect.TypeFunc(d)
	for _, typ := range portable {
		if s, err := types(typ); err != nil || s == "" {
			t.Errorf("type %s spells as %q, %v", typ, s, err)
		}
	}

	// A type never narrows into itself, however spelled (lint would call
	// an unchanged column destructive).
	for _, typ := range portable {
		s, _ := types(typ)
		if d.NarrowsType(s, s) || d.NarrowsType(strings.ToLower(s), strings.ToUpper(s)) {
			t.Errorf("NarrowsType(%q, itself) = true", s)
		}
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, err := range []error{errors.New("not from the database"), ctx.Err(), context.DeadlineExceeded} {
		if d.Rejected(err) || d.MissingTable(err) {
			t.Errorf("%v: Rejected %v, MissingTable %v; want both false", err, d.Rejected(err), d.MissingTable(err))
		}
		if got := d.DescribeError(err); got != err.Error() {
			t.Errorf("DescribeError(%v) = %q, want the error's own text", err, got)
		}
	}
}

// portable are the builder's types RoundTrip uses; every dialect spells
// them.
var portable = []op.Type{op.Integer, op.BigInt, op.Text, op.String(100), op.Bool, op.Timestamp, op.Decimal(10, 2)}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// unquoteLoose undoes the usual identifier quoting: double quotes or
// backticks with the quote doubled inside, or brackets.
func unquoteLoose(q string) string {
	if len(q) >= 2 {
		switch c := q[0]; c {
		case '"', '`':
			if q[len(q)-1] == c {
				return strings.ReplaceAll(q[1:len(q)-1], string(c)+string(c), string(c))
			}
		case '[':
			return strings.TrimSuffix(q[1:], "]")
		}
	}
	return q
}

// deepEqual compares two Capabilities values, which hold slices.
func deepEqual(a, b dialect.Capabilities) bool { return stdreflect.DeepEqual(a, b) }
