package diff

import (
	"testing"

	"github.com/retortdb/retort/schema"
)

func withUsers(f func(u *schema.Table)) *schema.Schema {
	return with(blog(), func(s *schema.Schema) { f(tbl(s, "users")) })
}

func TestUniques(t *testing.T) {
	uq := func(name string, deferrable bool, cols ...string) func(u *schema.Table) {
		return func(u *schema.Table) {
			u.Uniques = []*schema.Unique{{Name: name, Columns: cols, Deferrable: deferrable}}
		}
	}
	runCases(t, []diffCase{
		{"rename", blog(), withUsers(uq("users_email_uq", false, "email")), []string{
			"rename constraint users_email_key to users_email_uq on users",
		}},
		{"unnamed matches by columns", withUsers(uq("", false, "email")), withUsers(uq("users_email_key", false, "email")), nil},
		{"deferrable: drop and add", blog(), withUsers(uq("users_email_key", true, "email")), []string{
			"drop unique users_email_key[email] on users",
			"add unique users_email_key[email] on users",
		}},
		{"unnamed deferrable keeps the live name", blog(), withUsers(uq("", true, "email")), []string{
			"drop unique users_email_key[email] on users",
			"add unique users_email_key[email] on users",
		}},
		{"same name, other columns", blog(), withUsers(uq("users_email_key", false, "email", "id")), []string{
			"drop unique users_email_key[email] on users",
			"add unique users_email_key[email id] on users",
		}},
		{"added unnamed gets a name", withUsers(uq("", false, "email")), withUsers(func(u *schema.Table) {
			u.Uniques = []*schema.Unique{{Columns: []string{"email"}}, {Columns: []string{"id", "email"}}}
		}), []string{"add unique users_id_email_key[id email] on users"}},
		{"removed", blog(), withUsers(func(u *schema.Table) { u.Uniques = nil }), []string{
			"drop unique users_email_key[email] on users",
		}},
	})
}

func TestChecks(t *testing.T) {
	cks := func(c ...*schema.Check) *schema.Schema {
		return withUsers(func(u *schema.Table) { u.Checks = c })
	}
	runCases(t, []diffCase{
		{"rename by expression", cks(&schema.Check{Name: "a", Expr: "id > 0"}), cks(&schema.Check{Name: "b", Expr: "id > 0"}), []string{
			"rename constraint a to b on users",
		}},
		{"column check becoming a table check is drop and add", cks(&schema.Check{Name: "id", Expr: "id > 0", Column: "id"}), cks(&schema.Check{Name: "id", Expr: "id > 0"}), []string{
			"drop check id (id > 0) on users",
			"add check id (id > 0) on users",
		}},
		{"column check unchanged", cks(&schema.Check{Name: "id", Expr: "id > 0", Column: "id"}), cks(&schema.Check{Name: "id", Expr: "id > 0", Column: "ID"}), nil},
		{"same-kind chain is drop and add", with(blog(), func(s *schema.Schema) {
			tbl(s, "users").Checks = []*schema.Check{{Name: "a", Expr: "id > 0"}, {Name: "b", Expr: "id > 1"}}
		}), with(blog(), func(s *schema.Schema) {
			tbl(s, "users").Checks = []*schema.Check{{Name: "b", Expr: "id > 0"}, {Name: "c", Expr: "id > 1"}}
		}), []string{
			"drop check a (id > 0) on users",
			"drop check b (id > 1) on users",
			"add check b (id > 0) on users",
			"add check c (id > 1) on users",
		}},
		{"rename into a name another rename frees", with(blog(), func(s *schema.Schema) {
			tbl(s, "notes").ForeignKeys[0].Name = "x"
			tbl(s, "notes").Checks = []*schema.Check{{Name: "y", Expr: "id > 0"}}
		}), with(blog(), func(s *schema.Schema) {
			tbl(s, "notes").ForeignKeys[0].Name = "y"
			tbl(s, "notes").Checks = []*schema.Check{{Name: "z", Expr: "id > 0"}}
		}), []string{
			"rename constraint y to z on notes",
			"rename constraint x to y on notes",
		}},
		{"unnamed matches by expression", cks(&schema.Check{Expr: "id > 0"}), cks(&schema.Check{Name: "b", Expr: "id > 0"}), nil},
		{"same name, new expression", cks(&schema.Check{Name: "a", Expr: "id > 0"}), cks(&schema.Check{Name: "a", Expr: "id > 1"}), []string{
			"drop check a (id > 0) on users",
			"add check a (id > 1) on users",
		}},
		{"unnamed changed: drop by content, add named", cks(&schema.Check{Expr: "id > 0"}), cks(&schema.Check{Expr: "id > 1"}), []string{
			"drop check  (id > 0) on users",
			"add check users_check (id > 1) on users",
		}},
		{"added names skip taken ones", cks(&schema.Check{Name: "users_check", Expr: "id > 0"}),
			cks(&schema.Check{Name: "users_check", Expr: "id > 0"}, &schema.Check{Expr: "id < 9"}, &schema.Check{Expr: "id <> 5"}), []string{
				"add check users_check1 (id < 9) on users",
				"add check users_check2 (id <> 5) on users",
			}},
		{"removed", cks(&schema.Check{Name: "a", Expr: "id > 0"}), cks(), []string{"drop check a (id > 0) on users"}},
	})
}

func TestIndexes(t *testing.T) {
	ix := func(f func(ix *schema.Index)) *schema.Schema {
		return with(blog(), func(s *schema.Schema) { f(tbl(s, "notes").Indexes[0]) })
	}
	recreate := []string{"drop index notes_author_id_idx on notes", "create index notes_author_id_idx on notes"}
	runCases(t, []diffCase{
		{"rename", blog(), ix(func(ix *schema.Index) { ix.Name = "notes_by_author" }), []string{
			"rename index notes_author_id_idx to notes_by_author on notes",
		}},
		{"SQL text ignored", blog(), ix(func(ix *schema.Index) { ix.SQL = "CREATE INDEX ..." }), nil},
		{"unique", blog(), ix(func(ix *schema.Index) { ix.Unique = true }), recreate},
		{"parts", blog(), ix(func(ix *schema.Index) { ix.Parts = append(ix.Parts, schema.IndexPart{Column: "id"}) }), recreate},
		{"desc", blog(), ix(func(ix *schema.Index) { ix.Parts[0].Desc = true }), recreate},
		{"expression", blog(), ix(func(ix *schema.Index) { ix.Parts[0] = schema.IndexPart{Expr: "lower(body)"} }), recreate},
		{"opclass", blog(), ix(func(ix *schema.Index) { ix.Parts[0].OpClass = "int4_ops" }), recreate},
		{"prefix", blog(), ix(func(ix *schema.Index) { ix.Parts[0].Prefix = 4 }), recreate},
		{"collation", blog(), ix(func(ix *schema.Index) { ix.Parts[0].Collation = "C" }), recreate},
		{"where", blog(), ix(func(ix *schema.Index) { ix.Where = "author_id > 0" }), recreate},
		{"method", blog(), ix(func(ix *schema.Index) { ix.Method = "hash" }), recreate},
		{"method case", ix(func(ix *schema.Index) { ix.Method = "btree" }), ix(func(ix *schema.Index) { ix.Method = "BTREE" }), nil},
		{"invisible", blog(), ix(func(ix *schema.Index) { ix.Invisible = true }), recreate},
		// A failed CREATE INDEX CONCURRENTLY: rebuilt, as a changed definition is.
		{"invalid", ix(func(ix *schema.Index) { ix.Invalid = true }), blog(), recreate},
		{"invalid under another name", ix(func(ix *schema.Index) { ix.Name, ix.Invalid = "x", true }), blog(), []string{
			"drop index x on notes",
			"create index notes_author_id_idx on notes",
		}},
		{"invalid and not desired", with(blog(), func(s *schema.Schema) {
			n := tbl(s, "notes")
			n.Indexes = append(n.Indexes, &schema.Index{Name: "notes_body_idx", Parts: []schema.IndexPart{{Column: "body"}}, Invalid: true})
		}), blog(), []string{"drop index notes_body_idx on notes"}},
		// Only a reflection has one; two reflections that agree are a match.
		{"invalid on both sides", ix(func(ix *schema.Index) { ix.Invalid = true }), ix(func(ix *schema.Index) { ix.Invalid = true }), nil},
		{"changed under a new name", blog(), ix(func(ix *schema.Index) { ix.Name, ix.Unique = "x", true }), []string{
			"drop index notes_author_id_idx on notes",
			"create index x on notes",
		}},
		{"dropped with its column", blog(), with(blog(), func(s *schema.Schema) {
			n := tbl(s, "notes")
			n.Indexes = nil
			n.Columns = removeColumn(n.Columns, "body")
		}), []string{"drop index notes_author_id_idx on notes", "drop column notes.body"}},
		{"created on a new column", blog(), with(blog(), func(s *schema.Schema) {
			n := tbl(s, "notes")
			n.Columns = append(n.Columns, col("slug text"))
			n.Indexes = append(n.Indexes, &schema.Index{Name: "notes_slug_idx", Unique: true, Parts: []schema.IndexPart{{Column: "slug"}}})
		}), []string{"add column notes.slug", "create index notes_slug_idx on notes"}},
	})
}

func TestViewsTriggersEnums(t *testing.T) {
	views := func(v ...*schema.View) *schema.Schema {
		return with(blog(), func(s *schema.Schema) { s.Views = v })
	}
	v1 := &schema.View{Name: "active", Def: "SELECT id FROM users"}
	v1b := &schema.View{Name: "active", Def: "SELECT id FROM users WHERE id > 0"}
	v2 := &schema.View{Name: "active_notes", Def: "SELECT n.id FROM notes n JOIN active a ON a.id = n.author_id"}
	v3 := &schema.View{Name: "zeta", Def: "SELECT 1"}
	trig := func(tr ...*schema.Trigger) *schema.Schema {
		return with(blog(), func(s *schema.Schema) { s.Triggers = tr })
	}
	t1 := &schema.Trigger{Name: "t1", Table: "notes", SQL: "CREATE TRIGGER t1 AFTER INSERT ON notes BEGIN SELECT 1; END"}
	t1b := &schema.Trigger{Name: "t1", Table: "notes", SQL: "CREATE TRIGGER t1 AFTER UPDATE ON notes BEGIN SELECT 1; END"}
	tv := &schema.Trigger{Name: "tv", Table: "active", SQL: "CREATE TRIGGER tv INSTEAD OF INSERT ON active BEGIN SELECT 1; END"}
	enums := func(e ...*schema.Enum) *schema.Schema {
		return with(blog(), func(s *schema.Schema) { s.Enums = e })
	}
	mood := &schema.Enum{Name: "mood", Values: []string{"sad", "ok"}}
	mood2 := &schema.Enum{Name: "mood", Values: []string{"sad", "ok", "happy"}}
	runCases(t, []diffCase{
		{"view created", blog(), views(v1), []string{"create view active"}},
		{"view dropped", views(v1), blog(), []string{"drop view active"}},
		{"view SQL text ignored", views(v1), views(&schema.View{Name: "active", Def: v1.Def, SQL: "CREATE VIEW active AS ..."}), nil},
		{"dependencies created first", blog(), views(v2, v1, v3), []string{
			"create view active", "create view active_notes", "create view zeta",
		}},
		{"changed view takes its dependents along", views(v1, v2, v3), views(v1b, v2, v3), []string{
			"drop view active_notes", "drop view active", "create view active", "create view active_notes",
		}},
		{"views on a retyped column are recreated", views(v1, v3), with(views(v1, v3), func(s *schema.Schema) {
			tbl(s, "users").Column("email").Type = "varchar(200)"
		}), []string{"drop view active", "alter column users.email", "create view active"}},
		{"trigger created", blog(), trig(t1), []string{"create trigger t1"}},
		{"trigger changed", trig(t1), trig(t1b), []string{"drop trigger t1", "create trigger t1"}},
		{"trigger dropped", trig(t1), blog(), []string{"drop trigger t1"}},
		{"trigger on a recreated view comes back", with(views(v1), func(s *schema.Schema) { s.Triggers = []*schema.Trigger{tv} }),
			with(views(v1b), func(s *schema.Schema) { s.Triggers = []*schema.Trigger{tv} }), []string{
				"drop trigger tv", "drop view active", "create view active", "create trigger tv",
			}},
		{"enum created before tables, dropped last", enums(), with(enums(mood), func(s *schema.Schema) {
			n := tbl(s, "notes")
			n.Columns = append(n.Columns, col("feel mood null"))
		}), []string{"create enum mood", "add column notes.feel"}},
		{"enum dropped after its column", with(enums(mood), func(s *schema.Schema) {
			n := tbl(s, "notes")
			n.Columns = append(n.Columns, col("feel mood null"))
		}), enums(), []string{"drop column notes.feel", "drop enum mood"}},
		{"enum values", enums(mood), enums(mood2), []string{"alter enum mood"}},
		{"enum unchanged", enums(mood), enums(mood), nil},
	})
}

func TestIndexUnderForeignKey(t *testing.T) {
	from := blog()
	to := with(blog(), func(s *schema.Schema) { tbl(s, "notes").Indexes[0].Unique = true })
	for _, tc := range []struct {
		opts Options
		want []string
	}{
		{Options{}, []string{"drop index notes_author_id_idx on notes", "create index notes_author_id_idx on notes"}},
		{Options{FKNeedsIndex: true}, []string{
			"drop fk notes notes_author_id_fkey (author_id) -> users(id)",
			"drop index notes_author_id_idx on notes",
			"create index notes_author_id_idx on notes",
			"add fk notes notes_author_id_fkey (author_id) -> users(id)",
		}},
	} {
		equalLines(t, show(diffAndCheck(t, from, to, tc.opts)), tc.want)
	}
}
