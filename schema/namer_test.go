package schema

import (
	"strings"
	"testing"
)

func TestNameConstraints(t *testing.T) {
	tbl := &Table{
		Name:        "notes",
		PrimaryKey:  &PrimaryKey{Columns: []string{"id"}},
		Uniques:     []*Unique{{Columns: []string{"slug"}}, {Name: "kept", Columns: []string{"a"}}},
		Checks:      []*Check{{Expr: "a > 0"}, {Expr: "b > 0"}},
		ForeignKeys: []*ForeignKey{{Columns: []string{"author_id"}}, {Columns: []string{"author_id"}}},
		// An index already holds the name a unique would get.
		Indexes: []*Index{{Name: "notes_slug_key"}},
	}
	Naming{}.NameConstraints(tbl)
	got := []string{tbl.PrimaryKey.Name, tbl.Uniques[0].Name, tbl.Uniques[1].Name,
		tbl.Checks[0].Name, tbl.Checks[1].Name, tbl.ForeignKeys[0].Name, tbl.ForeignKeys[1].Name}
	want := []string{"notes_pkey", "notes_slug_key1", "kept", "notes_check", "notes_check1",
		"notes_author_id_fkey", "notes_author_id_fkey1"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("names %v, want %v", got, want)
	}
}

func TestNamerTemplatesAndLimit(t *testing.T) {
	nm := Naming{Templates: map[string]string{"ck": "ck_{table}"}}.NewNamer(&Table{Name: "t"})
	if got := nm.Check(); got != "ck_t" {
		t.Errorf("check with template = %q", got)
	}
	long := strings.Repeat("x", 70)
	for _, limit := range []int{63, 30} {
		ln := Naming{MaxLen: limit}.NewNamer(&Table{Name: long})
		first, second := ln.Check(), ln.Check()
		if len(first) != limit || len(second) != limit || first == second || !strings.HasSuffix(second, "1") {
			t.Errorf("long names %q (%d), %q (%d): want distinct, %d bytes", first, len(first), second, len(second), limit)
		}
		if fk := ln.FK([]string{long}); len(fk) != limit {
			t.Errorf("FK name %q (%d): want %d bytes", fk, len(fk), limit)
		}
	}
	whole := Naming{}.NewNamer(&Table{Name: long})
	if got := whole.Check(); got != long+"_check" {
		t.Errorf("check without MaxLen = %q, want it whole", got)
	}
}

func TestIndexName(t *testing.T) {
	ix := &Index{Parts: []IndexPart{{Column: "a"}, {Expr: "lower(b)"}}}
	if got := (Naming{}).IndexName("t", ix); got != "t_a_expr_idx" {
		t.Errorf("IndexName = %q", got)
	}
}
