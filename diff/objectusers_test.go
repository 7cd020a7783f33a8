package diff

import (
	"testing"

	"github.com/retortdb/retort/schema"
)

// A function whose signature changes is dropped and created; what uses
// it is dropped before and created again after.
func TestSQLObjectUsers(t *testing.T) {
	fn := func(fixed string, users ...schema.ObjectUser) *schema.SQLObject {
		o := inPlace(obj("function", "f(integer)", "returns "+fixed, schema.BeforeTables))
		o.Fixed, o.Users = fixed, users
		return o
	}
	def := "f(1)"
	used := func(s *schema.Schema) {
		n := tbl(s, "notes")
		n.Columns[2].Default = &def
		n.Checks = []*schema.Check{{Name: "notes_ck", Expr: "f(id) > 0"}}
		n.Indexes = append(n.Indexes, &schema.Index{Name: "notes_f_idx", Parts: []schema.IndexPart{{Expr: "f(id)"}}})
		s.Views = []*schema.View{{Name: "v", Def: "SELECT f(id) FROM notes"}}
		s.Triggers = []*schema.Trigger{{Name: "tr", Table: "notes", SQL: "CREATE TRIGGER tr ... WHEN (f(NEW.id) > 0)"}}
	}
	users := []schema.ObjectUser{
		{Kind: schema.UseDefault, Table: "notes", Name: "body"},
		{Kind: schema.UseCheck, Table: "notes", Name: "notes_ck"},
		{Kind: schema.UseIndex, Table: "notes", Name: "notes_f_idx"},
		{Kind: schema.UseView, Name: "v"},
		{Kind: schema.UseTrigger, Table: "notes", Name: "tr"},
	}
	live := withObjects(with(blog(), used), fn("integer", users...))
	runCases(t, []diffCase{
		{"a new result type recreates every user around the function", live, withObjects(with(blog(), used), fn("bigint", users...)), []string{
			"drop trigger tr",
			"drop view v",
			"drop check notes_ck (f(id) > 0) on notes",
			"drop index notes_f_idx on notes",
			"alter column notes.body",
			"drop function f(integer)",
			"create function f(integer)",
			"alter column notes.body",
			"add check notes_ck (f(id) > 0) on notes",
			"create index notes_f_idx on notes",
			"create view v",
			"create trigger tr",
		}},
		{"a body change in place leaves the users", live, withObjects(with(blog(), used), func() *schema.SQLObject {
			o := fn("integer", users...)
			o.Definition += " changed"
			return o
		}()), []string{
			"alter function f(integer)",
		}},
		{"users on a dropped table go with it", live, withObjects(with(blog(), func(s *schema.Schema) {
			used(s)
			s.Tables = s.Tables[:1]
			s.Views, s.Triggers = nil, nil
		}), fn("bigint")), []string{
			"drop trigger tr",
			"drop view v",
			"drop table notes fks=notes_author_id_fkey",
			"drop function f(integer)",
			"create function f(integer)",
		}},
	})
}
