package diff

import (
	"testing"

	"github.com/retortdb/retort/schema"
)

type diffCase struct {
	name     string
	from, to *schema.Schema
	want     []string
}

func runCases(t *testing.T, cases []diffCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ops := diffAndCheck(t, tc.from, tc.to, Options{})
			equalLines(t, show(ops), tc.want)
		})
	}
}

func TestTables(t *testing.T) {
	empty := &schema.Schema{}
	runCases(t, []diffCase{
		{"identical", blog(), blog(), nil},
		{"create parents first", empty, blog(), []string{
			"create table users",
			"create table notes fks=notes_author_id_fkey",
		}},
		{"drop children first", blog(), empty, []string{
			"drop table notes fks=notes_author_id_fkey",
			"drop table users",
		}},
		{"nil schemas are empty", nil, nil, nil},
		{"same name in another schema is another table", blog(), with(blog(), func(s *schema.Schema) {
			x := table("users", "id integer")
			x.Schema = "audit"
			s.Tables = append(s.Tables, x)
		}), []string{"create table audit.users"}},
		{"self reference is not a cycle", empty, &schema.Schema{Tables: []*schema.Table{func() *schema.Table {
			c := table("cats", "id integer", "parent_id integer null")
			c.PrimaryKey = pk("", "id")
			c.ForeignKeys = []*schema.ForeignKey{fk("cats_parent_id_fkey", "parent_id", "cats", "id")}
			return c
		}()}}, []string{"create table cats fks=cats_parent_id_fkey"}},
		{"cycle among new tables closes with AddForeignKey", empty, cycle(), []string{
			"create table b",
			"create table a fks=a_b_id_fkey",
			"add fk b b_a_id_fkey (a_id) -> a(id)",
		}},
		{"cycle among dropped tables opens with DropForeignKey", cycle(), empty, []string{
			"drop fk b b_a_id_fkey (a_id) -> a(id)",
			"drop table a fks=a_b_id_fkey",
			"drop table b",
		}},
		{"kept table referencing a dropped table loses its key first", blog(), with(blog(), func(s *schema.Schema) {
			s.Tables = []*schema.Table{tbl(s, "notes")}
			tbl(s, "notes").ForeignKeys = nil
		}), []string{
			"drop fk notes notes_author_id_fkey (author_id) -> users(id)",
			"drop table users",
		}},
		{"new table referenced by a new key on a kept table", blog(), with(blog(), func(s *schema.Schema) {
			tags := table("tags", "id integer")
			tags.PrimaryKey = pk("tags_pkey", "id")
			s.Tables = append(s.Tables, tags)
			n := tbl(s, "notes")
			n.Columns = append(n.Columns, col("tag_id integer null"))
			n.ForeignKeys = append(n.ForeignKeys, fk("notes_tag_id_fkey", "tag_id", "tags", "id"))
		}), []string{
			"create table tags",
			"add column notes.tag_id",
			"add fk notes notes_tag_id_fkey (tag_id) -> tags(id)",
		}},
		{"new table referencing a column and key that come later", blog(), with(blog(), func(s *schema.Schema) {
			u := tbl(s, "users")
			u.Columns = append(u.Columns, col("code text"))
			u.Uniques = append(u.Uniques, &schema.Unique{Name: "users_code_key", Columns: []string{"code"}})
			x := table("badges", "user_code text")
			x.ForeignKeys = []*schema.ForeignKey{fk("badges_user_code_fkey", "user_code", "users", "code")}
			s.Tables = append(s.Tables, x)
		}), []string{
			"create table badges",
			"add column users.code",
			"add unique users_code_key[code] on users",
			"add fk badges badges_user_code_fkey (user_code) -> users(code)",
		}},
		{"dropped table referencing a key that goes loses its key first", with(blog(), func(s *schema.Schema) {
			x := table("badges", "user_email text")
			x.ForeignKeys = []*schema.ForeignKey{fk("badges_user_email_fkey", "user_email", "users", "email")}
			s.Tables = append(s.Tables, x)
		}), with(blog(), func(s *schema.Schema) { tbl(s, "users").Uniques = nil }), []string{
			"drop fk badges badges_user_email_fkey (user_email) -> users(email)",
			"drop unique users_email_key[email] on users",
			"drop table badges",
		}},
		{"new table referencing a key that is replaced", blog(), with(blog(), func(s *schema.Schema) {
			u := tbl(s, "users")
			u.Uniques = []*schema.Unique{{Name: "users_email_key", Columns: []string{"email"}, Deferrable: true}}
			x := table("badges", "user_email text")
			x.ForeignKeys = []*schema.ForeignKey{fk("badges_user_email_fkey", "user_email", "users", "email")}
			s.Tables = append(s.Tables, x)
		}), []string{
			"drop unique users_email_key[email] on users",
			"create table badges",
			"add unique users_email_key[email] on users",
			"add fk badges badges_user_email_fkey (user_email) -> users(email)",
		}},
		{"table comment", blog(), with(blog(), func(s *schema.Schema) { tbl(s, "users").Comment = "people" }),
			[]string{"set comment on users"}},
		{"table SQL text is ignored", blog(), with(blog(), func(s *schema.Schema) { tbl(s, "users").SQL = "CREATE TABLE users(...)" }), nil},
	})
}

// cycle is a <-> b.
func cycle() *schema.Schema {
	a := table("a", "id integer", "b_id integer null")
	a.PrimaryKey = pk("a_pkey", "id")
	a.ForeignKeys = []*schema.ForeignKey{fk("a_b_id_fkey", "b_id", "b", "id")}
	b := table("b", "id integer", "a_id integer null")
	b.PrimaryKey = pk("b_pkey", "id")
	b.ForeignKeys = []*schema.ForeignKey{fk("b_a_id_fkey", "a_id", "a", "id")}
	return &schema.Schema{Tables: []*schema.Table{a, b}}
}

func TestColumns(t *testing.T) {
	alter := func(f func(c *schema.Column)) *schema.Schema {
		return with(blog(), func(s *schema.Schema) { f(tbl(s, "notes").Column("body")) })
	}
	changed := []string{"alter column notes.body"}
	runCases(t, []diffCase{
		{"add", blog(), with(blog(), func(s *schema.Schema) {
			n := tbl(s, "notes")
			n.Columns = append(n.Columns, col("title text null"))
		}), []string{"add column notes.title"}},
		{"drop", blog(), with(blog(), func(s *schema.Schema) {
			n := tbl(s, "notes")
			n.Columns = removeColumn(n.Columns, "body")
		}), []string{"drop column notes.body"}},
		{"type", blog(), alter(func(c *schema.Column) { c.Type = "varchar(10)" }), changed},
		{"type case is not a change", blog(), alter(func(c *schema.Column) { c.Type = "TEXT" }), nil},
		{"nullable", blog(), alter(func(c *schema.Column) { c.Nullable = false }), changed},
		{"default set", blog(), alter(func(c *schema.Column) { c.Default = str("''") }), changed},
		{"default changed", with(blog(), func(s *schema.Schema) { tbl(s, "notes").Column("body").Default = str("'a'") }),
			alter(func(c *schema.Column) { c.Default = str("'b'") }), changed},
		{"default equal", with(blog(), func(s *schema.Schema) { tbl(s, "notes").Column("body").Default = str("'a'") }),
			alter(func(c *schema.Column) { c.Default = str("'a'") }), nil},
		{"auto increment", blog(), alter(func(c *schema.Column) { c.AutoIncrement = true }), changed},
		{"identity", blog(), alter(func(c *schema.Column) { c.Identity = "ALWAYS" }), changed},
		{"generated", blog(), alter(func(c *schema.Column) { c.Generated = &schema.Generated{Expr: "'x'"} }), changed},
		{"generated stored", with(blog(), func(s *schema.Schema) {
			tbl(s, "notes").Column("body").Generated = &schema.Generated{Expr: "'x'"}
		}), alter(func(c *schema.Column) { c.Generated = &schema.Generated{Expr: "'x'", Stored: true} }), changed},
		{"collation", blog(), alter(func(c *schema.Column) { c.Collation = "C" }), changed},
		{"comment", blog(), alter(func(c *schema.Column) { c.Comment = "text" }), changed},
		{"attrs", blog(), alter(func(c *schema.Column) { c.Attrs = map[string]string{"charset": "utf8mb4"} }), changed},
		{"empty attrs equal nil", blog(), alter(func(c *schema.Column) { c.Attrs = map[string]string{} }), nil},
		{"add, alter and drop in one table", blog(), with(blog(), func(s *schema.Schema) {
			n := tbl(s, "notes")
			n.Columns = append(removeColumn(n.Columns, "body"), col("title text"))
			n.Column("id").Type = "bigint"
		}), []string{"add column notes.title", "alter column notes.id", "drop column notes.body"}},
	})
}

func TestPrimaryKey(t *testing.T) {
	setPK := func(p *schema.PrimaryKey) *schema.Schema {
		return with(blog(), func(s *schema.Schema) { tbl(s, "notes").PrimaryKey = p })
	}
	runCases(t, []diffCase{
		{"name only is not a change", blog(), setPK(pk("other", "id")), nil},
		{"unnamed side is not a change", blog(), setPK(pk("", "id")), nil},
		{"columns", blog(), setPK(pk("notes_pkey", "id", "author_id")), []string{"alter primary key on notes"}},
		{"removed", blog(), setPK(nil), []string{"alter primary key on notes"}},
		{"added", setPK(nil), blog(), []string{"alter primary key on notes"}},
		{"new key column is added before the key", blog(), with(blog(), func(s *schema.Schema) {
			n := tbl(s, "notes")
			n.Columns = append(n.Columns, col("rev integer"))
			n.PrimaryKey = pk("notes_pkey", "id", "rev")
		}), []string{"add column notes.rev", "alter primary key on notes"}},
		{"a column made NOT NULL for the new key changes before the key (its reverse after the key's)", with(blog(), func(s *schema.Schema) {
			tbl(s, "notes").Column("body").Nullable = true
		}), with(blog(), func(s *schema.Schema) {
			n := tbl(s, "notes")
			n.Column("body").Nullable = false
			n.PrimaryKey = pk("notes_pkey", "id", "body")
		}), []string{"alter column notes.body", "alter primary key on notes"}},
		{"an old key column made nullable changes after the key", blog(), with(blog(), func(s *schema.Schema) {
			n := tbl(s, "notes")
			n.Column("id").Nullable = true
			n.PrimaryKey = nil
		}), []string{"alter primary key on notes", "alter column notes.id"}},
		{"referenced key change drops and re-adds referencing keys", blog(), with(blog(), func(s *schema.Schema) {
			u := tbl(s, "users")
			u.PrimaryKey = pk("users_pkey", "id", "email")
			u.Uniques = append(u.Uniques, &schema.Unique{Name: "users_id_key", Columns: []string{"id"}})
		}), []string{
			"drop fk notes notes_author_id_fkey (author_id) -> users(id)",
			"alter primary key on users",
			"add unique users_id_key[id] on users",
			"add fk notes notes_author_id_fkey (author_id) -> users(id)",
		}},
	})
}

func TestReshapedColumnsRecreateKeys(t *testing.T) {
	runCases(t, []diffCase{
		{"referenced column retyped", blog(), with(blog(), func(s *schema.Schema) {
			tbl(s, "users").Column("id").Type = "bigint"
			tbl(s, "notes").Column("author_id").Type = "bigint"
		}), []string{
			"drop fk notes notes_author_id_fkey (author_id) -> users(id)",
			"alter column notes.author_id",
			"alter column users.id",
			"add fk notes notes_author_id_fkey (author_id) -> users(id)",
		}},
		{"nullability alone leaves keys alone", blog(), with(blog(), func(s *schema.Schema) {
			tbl(s, "notes").Column("author_id").Nullable = true
		}), []string{"alter column notes.author_id"}},
	})
}
