package sqlite

import (
	"context"
	"strings"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/schema"
)

// reflectedOptions are a table's options as reflection reads them back.
func reflectedOptions(t *testing.T, s *schema.Schema, table string) string {
	t.Helper()
	tb := s.Table("", table)
	if tb == nil {
		t.Fatalf("no table %s reflected", table)
	}
	var on []string
	for _, k := range comparedTableOptions {
		if renderOption(tb, k) {
			on = append(on, k)
		}
	}
	return strings.Join(on, ", ")
}

// STRICT and WITHOUT ROWID change through a rebuild that keeps every row
// (and a rowid table's rowids), and the reverse puts them back.
func TestSetTableOptionsRebuildKeepsRows(t *testing.T) {
	ctx := context.Background()
	db, cur := rebuildSeeded(t)
	before := rebuildDump(t, db)
	up := []op.Op{
		op.SetTableOptions{Table: op.Ref{Name: "acl"}, From: map[string]string{}, To: map[string]string{optStrict: "true"}},
		op.SetTableOptions{Table: op.Ref{Name: "members"}, From: map[string]string{optWithoutRowid: "true"}, To: map[string]string{}},
	}
	steps := []struct {
		name         string
		ops          []op.Op
		acl, members string
	}{
		{"upgrade", up, "STRICT", ""},
		{"downgrade", op.ReverseAll(up), "", "WITHOUT ROWID"},
	}
	for _, st := range steps {
		next, err := rebuildMigrate(t, db, cur, st.ops)
		if err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		cur = next
		got, err := Dialect{}.Reflect(ctx, db)
		if err != nil {
			t.Fatal(err)
		}
		if a, m := reflectedOptions(t, got, "acl"), reflectedOptions(t, got, "members"); a != st.acl || m != st.members {
			t.Errorf("%s: acl options %q, members %q; want %q, %q", st.name, a, m, st.acl, st.members)
		}
		if after := rebuildDump(t, db); after != before {
			t.Errorf("%s changed the rows:\n%s\nwant:\n%s", st.name, after, before)
		}
	}
}

// A row that does not fit a STRICT column fails the copy: the revision
// rolls back whole and the error says why.
func TestSetTableOptionsStrictRefusesRow(t *testing.T) {
	ctx := context.Background()
	db, cur := rebuildSeeded(t)
	if _, err := db.Exec(`INSERT INTO acl VALUES ('o', 'x', 'r')`); err != nil {
		t.Fatal(err)
	}
	before := rebuildDump(t, db)
	_, err := rebuildMigrate(t, db, cur, []op.Op{
		op.SetTableOptions{Table: op.Ref{Name: "acl"}, From: map[string]string{}, To: map[string]string{optStrict: "true"}},
	})
	if err == nil {
		t.Fatal("the copy of a TEXT value into a STRICT INTEGER column succeeded")
	}
	msg := Dialect{}.DescribeError(err)
	for _, want := range []string{"_retort_new_acl.user_id", "STRICT", "rolled back"} {
		if !strings.Contains(msg, want) {
			t.Errorf("error %q does not say %q", msg, want)
		}
	}
	got, rerr := Dialect{}.Reflect(ctx, db)
	if rerr != nil {
		t.Fatal(rerr)
	}
	if o := reflectedOptions(t, got, "acl"); o != "" {
		t.Errorf("acl options %q after the failed revision, want none", o)
	}
	if after := rebuildDump(t, db); after != before {
		t.Errorf("rows changed by the failed revision:\n%s\nwant:\n%s", after, before)
	}
}

func TestSetTableOptionsWithoutRowidNeedsKey(t *testing.T) {
	_, err := Dialect{}.Render([]op.Op{
		op.SetTableOptions{Table: op.Ref{Name: "acl"}, From: map[string]string{}, To: map[string]string{optWithoutRowid: "true"}},
	}, rebuildFixture(), dialect.RenderOptions{})
	if err == nil || !strings.Contains(err.Error(), "table acl: WITHOUT ROWID needs a PRIMARY KEY") {
		t.Fatalf("error %v, want WITHOUT ROWID needs a PRIMARY KEY", err)
	}
}

// DescribeError adds the STRICT hint only to a rebuild copy's refusal.
func TestDescribeErrorStrictHint(t *testing.T) {
	db := rebuildOpenDB(t)
	for _, s := range []string{
		`CREATE TABLE s (n INTEGER) STRICT`,
		`CREATE TABLE "_retort_new_s" (n INTEGER) STRICT`,
	} {
		if _, err := db.Exec(s); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		stmt string
		hint bool
	}{
		{`INSERT INTO s VALUES ('x')`, false},
		{`INSERT INTO "_retort_new_s" VALUES ('x')`, true},
	}
	for _, tt := range tests {
		_, err := db.Exec(tt.stmt)
		if err == nil {
			t.Fatalf("%s: succeeded", tt.stmt)
		}
		msg := Dialect{}.DescribeError(err)
		if strings.Contains(msg, "hint:") != tt.hint || !strings.HasPrefix(msg, err.Error()) {
			t.Errorf("%s: DescribeError = %q, want the error's text, hint %v", tt.stmt, msg, tt.hint)
		}
	}
}
