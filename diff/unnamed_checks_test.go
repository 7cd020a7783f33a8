package diff

import (
	"testing"

	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/schema"
)

// A dialect that never drops a check by name (SQLite) keeps the checks the
// desired schema left unnamed unnamed; a "ck" template still names them,
// and the other dialects name them as before.
func TestUnnamedChecks(t *testing.T) {
	keep := schema.Naming{KeepUnnamedChecks: true}
	template := schema.Naming{KeepUnnamedChecks: true, Templates: map[string]string{"ck": "ck_{table}"}}
	cks := func(c ...*schema.Check) *schema.Schema {
		return withUsers(func(u *schema.Table) { u.Checks = c })
	}
	withTags := func(c ...*schema.Check) *schema.Schema {
		return with(blog(), func(s *schema.Schema) {
			tg := table("tags", "id integer")
			tg.Checks = c
			s.Tables = append(s.Tables, tg)
		})
	}
	tests := []struct {
		name     string
		naming   schema.Naming
		from, to *schema.Schema
		want     []string
	}{
		{"added stays unnamed", keep, cks(), cks(&schema.Check{Expr: "id > 0"}), []string{
			"add check  (id > 0) on users",
		}},
		{"changed: the live name is not carried over", keep, cks(&schema.Check{Name: "users_check", Expr: "id > 0"}), cks(&schema.Check{Expr: "id > 1"}), []string{
			"drop check users_check (id > 0) on users",
			"add check  (id > 1) on users",
		}},
		{"unnamed dropped by content", keep, cks(&schema.Check{Expr: "id > 0"}), cks(), []string{
			"drop check  (id > 0) on users",
		}},
		{"unnamed matches unnamed", keep, cks(&schema.Check{Expr: "id > 0"}), cks(&schema.Check{Expr: "id > 0"}), nil},
		{"named is kept named", keep, cks(), cks(&schema.Check{Name: "positive", Expr: "id > 0"}), []string{
			"add check positive (id > 0) on users",
		}},
		{"a ck template names it", template, cks(), cks(&schema.Check{Expr: "id > 0"}), []string{
			"add check ck_users (id > 0) on users",
		}},
		{"other dialects name it", schema.Naming{}, cks(), cks(&schema.Check{Expr: "id > 0"}), []string{
			"add check users_check (id > 0) on users",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ops := diffAndCheck(t, tt.from, tt.to, Options{Naming: tt.naming})
			equalLines(t, show(ops), tt.want)
		})
	}
	t.Run("created table", func(t *testing.T) {
		ops := diffAndCheck(t, blog(), withTags(&schema.Check{Expr: "id > 0"}, &schema.Check{Name: "small", Expr: "id < 9"}), Options{Naming: keep})
		ct, ok := ops[0].(op.CreateTable)
		if len(ops) != 1 || !ok {
			t.Fatalf("ops = %v, want one create table", show(ops))
		}
		var got []string
		for _, c := range ct.Table.Checks {
			got = append(got, c.Name+" ("+c.Expr+")")
		}
		equalLines(t, got, []string{" (id > 0)", "small (id < 9)"})
	})
}
