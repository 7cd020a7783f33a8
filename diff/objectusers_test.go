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

// A generated column using a function that is dropped and created is
// dropped before the function and added again after it, with what
// depends on the column around it; one that cannot be rebuilt is left
// (rendering the drop then refuses).
func TestGeneratedColumnUsers(t *testing.T) {
	fn := func(fixed string) *schema.SQLObject {
		o := inPlace(obj("function", "f(integer)", "returns "+fixed, schema.BeforeTables))
		o.Fixed, o.Users = fixed, []schema.ObjectUser{{Kind: schema.UseGenerated, Table: "notes", Name: "g"}}
		return o
	}
	used := func(s *schema.Schema) {
		n := tbl(s, "notes")
		n.Columns = append(n.Columns, &schema.Column{Name: "g", Type: "bigint", Nullable: true, Comment: "twice", Generated: &schema.Generated{Expr: "f(id)", Stored: true}})
		n.Checks = []*schema.Check{{Name: "notes_g_ck", Expr: "g > 0"}}
		n.Indexes = append(n.Indexes, &schema.Index{Name: "notes_g_idx", Parts: []schema.IndexPart{{Column: "g"}}})
		s.Views = []*schema.View{{Name: "v", Def: "SELECT g FROM notes"}}
		s.Triggers = []*schema.Trigger{{Name: "tr", Table: "notes", SQL: "CREATE TRIGGER tr AFTER UPDATE OF g ON notes"}}
	}
	live := withObjects(with(blog(), used), fn("integer"))
	want := func(f func(s *schema.Schema)) *schema.Schema {
		return withObjects(with(with(blog(), used), f), fn("bigint"))
	}
	runCases(t, []diffCase{
		{"a new result type drops and adds the column", live, want(func(*schema.Schema) {}), []string{
			"drop trigger tr",
			"drop view v",
			"drop check notes_g_ck (g > 0) on notes",
			"drop index notes_g_idx on notes",
			"drop column notes.g",
			"drop function f(integer)",
			"create function f(integer)",
			"add column notes.g",
			"add check notes_g_ck (g > 0) on notes",
			"create index notes_g_idx on notes",
			"create view v",
			"create trigger tr",
		}},
		{"a column dropped from the desired schema goes before the function", live, want(func(s *schema.Schema) {
			n := tbl(s, "notes")
			n.Columns = n.Columns[:len(n.Columns)-1]
			n.Checks, n.Indexes = nil, n.Indexes[:1]
			s.Views, s.Triggers = nil, nil
		}), []string{
			"drop trigger tr",
			"drop view v",
			"drop check notes_g_ck (g > 0) on notes",
			"drop index notes_g_idx on notes",
			"drop column notes.g",
			"drop function f(integer)",
			"create function f(integer)",
		}},
		{"a column that stops being generated is left", live, want(func(s *schema.Schema) {
			tbl(s, "notes").Column("g").Generated = nil
		}), []string{
			"drop trigger tr",
			"drop view v",
			"drop check notes_g_ck (g > 0) on notes",
			"drop index notes_g_idx on notes",
			"drop function f(integer)",
			"create function f(integer)",
			"alter column notes.g",
			"add check notes_g_ck (g > 0) on notes",
			"create index notes_g_idx on notes",
			"create view v",
			"create trigger tr",
		}},
		{"a column in the primary key is left", with(live, func(s *schema.Schema) {
			tbl(s, "notes").PrimaryKey.Columns = []string{"id", "g"}
		}), with(want(func(*schema.Schema) {}), func(s *schema.Schema) {
			tbl(s, "notes").PrimaryKey.Columns = []string{"id", "g"}
		}), []string{
			"drop function f(integer)",
			"create function f(integer)",
		}},
		{"a column extended statistics name is left", with(live, func(s *schema.Schema) {
			s.Unmanaged = []schema.Object{{Kind: "statistics", Table: "notes", Name: "notes_stat", Definition: "CREATE STATISTICS notes_stat ON g, body"}}
		}), with(want(func(*schema.Schema) {}), func(s *schema.Schema) {
			s.Unmanaged = []schema.Object{{Kind: "statistics", Table: "notes", Name: "notes_stat", Definition: "CREATE STATISTICS notes_stat ON g, body"}}
		}), []string{
			"drop function f(integer)",
			"create function f(integer)",
		}},
	})
}
