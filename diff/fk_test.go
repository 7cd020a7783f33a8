package diff

import (
	"testing"

	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/schema"
)

// withFKs is blog with notes' keys replaced (editor_id added for keys
// between the same two tables).
func withFKs(keys ...*schema.ForeignKey) *schema.Schema {
	return with(blog(), func(s *schema.Schema) {
		n := tbl(s, "notes")
		n.Columns = append(n.Columns, col("editor_id integer null"))
		n.ForeignKeys = keys
	})
}

func TestForeignKeys(t *testing.T) {
	named := fk("notes_author_id_fkey", "author_id", "users", "id")
	cascade := fk("notes_author_id_fkey", "author_id", "users", "id", onDelete("CASCADE"))
	unnamed := fk("", "author_id", "users", "id")
	unnamedCascade := fk("", "author_id", "users", "id", onDelete("cascade"))
	runCases(t, []diffCase{
		{"on delete changes: drop live, add desired", withFKs(named), withFKs(cascade), []string{
			"drop fk notes notes_author_id_fkey (author_id) -> users(id)",
			"add fk notes notes_author_id_fkey (author_id) -> users(id) ON DELETE CASCADE",
		}},
		{"desired unnamed keeps the live name", withFKs(named), withFKs(unnamedCascade), []string{
			"drop fk notes notes_author_id_fkey (author_id) -> users(id)",
			"add fk notes notes_author_id_fkey (author_id) -> users(id) ON DELETE CASCADE",
		}},
		{"both unnamed: drop by content, add under naming", withFKs(unnamed), withFKs(unnamedCascade), []string{
			"drop fk notes (author_id) -> users(id)",
			"add fk notes notes_author_id_fkey (author_id) -> users(id) ON DELETE CASCADE",
		}},
		{"live unnamed, desired named", withFKs(unnamed), withFKs(fk("n_fk", "author_id", "users", "id")), nil},
		{"live named, desired unnamed", withFKs(named), withFKs(unnamed), nil},
		{"rename", withFKs(named), withFKs(fk("notes_author_fk", "author_id", "users", "id")), []string{
			"rename constraint notes_author_id_fkey to notes_author_fk on notes",
		}},
		{"new name and options: drop and add, no rename", withFKs(named),
			withFKs(fk("notes_author_fk", "author_id", "users", "id", onDelete("SET NULL"))), []string{
				"drop fk notes notes_author_id_fkey (author_id) -> users(id)",
				"add fk notes notes_author_fk (author_id) -> users(id) ON DELETE SET NULL",
			}},
		{"same name, new target", withFKs(named), withFKs(fk("notes_author_id_fkey", "editor_id", "users", "id")), []string{
			"drop fk notes notes_author_id_fkey (author_id) -> users(id)",
			"add fk notes notes_author_id_fkey (editor_id) -> users(id)",
		}},
		{"canonical spellings are equal", withFKs(fk("k", "author_id", "users", "id", func(k *schema.ForeignKey) {
			k.OnDelete, k.OnUpdate, k.Match = "cascade", "", ""
		})), withFKs(fk("k", "author_id", "users", "id", func(k *schema.ForeignKey) {
			k.OnDelete, k.OnUpdate, k.Match = "CASCADE", "no  action", "SIMPLE"
		})), nil},
		{"on update", withFKs(named), withFKs(fk("notes_author_id_fkey", "author_id", "users", "id", func(k *schema.ForeignKey) { k.OnUpdate = "CASCADE" })), []string{
			"drop fk notes notes_author_id_fkey (author_id) -> users(id)",
			"add fk notes notes_author_id_fkey (author_id) -> users(id) ON UPDATE CASCADE",
		}},
		{"deferrable", withFKs(named), withFKs(fk("notes_author_id_fkey", "author_id", "users", "id", func(k *schema.ForeignKey) { k.Deferrable, k.InitiallyDeferred = true, true })), []string{
			"drop fk notes notes_author_id_fkey (author_id) -> users(id)",
			"add fk notes notes_author_id_fkey (author_id) -> users(id) DEFERRABLE INITIALLY DEFERRED",
		}},
		{"match full", withFKs(named), withFKs(fk("notes_author_id_fkey", "author_id", "users", "id", func(k *schema.ForeignKey) { k.Match = "FULL" })), []string{
			"drop fk notes notes_author_id_fkey (author_id) -> users(id)",
			"add fk notes notes_author_id_fkey (author_id) -> users(id) MATCH FULL",
		}},
		{"removed", withFKs(named), withFKs(), []string{"drop fk notes notes_author_id_fkey (author_id) -> users(id)"}},
		{"added unnamed gets a name", withFKs(), withFKs(unnamed), []string{"add fk notes notes_author_id_fkey (author_id) -> users(id)"}},
		{"two keys to one table, one changes (unnamed)",
			withFKs(fk("", "author_id", "users", "id"), fk("", "editor_id", "users", "id")),
			withFKs(fk("", "author_id", "users", "id"), fk("", "editor_id", "users", "id", onDelete("SET NULL"))), []string{
				"drop fk notes (editor_id) -> users(id)",
				"add fk notes notes_editor_id_fkey (editor_id) -> users(id) ON DELETE SET NULL",
			}},
		{"two keys to one table, swapped names are two renames",
			withFKs(fk("a_fk", "author_id", "users", "id"), fk("e_fk", "editor_id", "users", "id")),
			withFKs(fk("author_fk", "author_id", "users", "id"), fk("editor_fk", "editor_id", "users", "id")), []string{
				"rename constraint a_fk to author_fk on notes",
				"rename constraint e_fk to editor_fk on notes",
			}},
		{"generated name avoids a kept live name",
			withFKs(named),
			with(withFKs(unnamed, fk("", "author_id", "editors", "id")), func(s *schema.Schema) {
				e := table("editors", "id integer")
				e.PrimaryKey = pk("editors_pkey", "id")
				s.Tables = append(s.Tables, e)
			}), []string{
				"create table editors",
				"add fk notes notes_author_id_fkey1 (author_id) -> editors(id)",
			}},
		{"composite key", composite(nil), composite(onDelete("CASCADE")), []string{
			"drop fk line line_order_id_order_rev_fkey (order_id, order_rev) -> orders(id, rev)",
			"add fk line line_order_id_order_rev_fkey (order_id, order_rev) -> orders(id, rev) ON DELETE CASCADE",
		}},
		{"composite key column order matters", composite(nil), with(composite(nil), func(s *schema.Schema) {
			k := tbl(s, "line").ForeignKeys[0]
			k.Columns = []string{"order_rev", "order_id"}
			k.RefColumns = []string{"rev", "id"}
		}), []string{
			"drop fk line line_order_id_order_rev_fkey (order_id, order_rev) -> orders(id, rev)",
			"add fk line line_order_id_order_rev_fkey (order_rev, order_id) -> orders(rev, id)",
		}},
		{"self reference option change", selfRef(""), selfRef("CASCADE"), []string{
			"drop fk cats cats_parent_id_fkey (parent_id) -> cats(id)",
			"add fk cats cats_parent_id_fkey (parent_id) -> cats(id) ON DELETE CASCADE",
		}},
	})
}

func composite(opt func(*schema.ForeignKey)) *schema.Schema {
	o := table("orders", "id integer", "rev integer")
	o.PrimaryKey = pk("orders_pkey", "id", "rev")
	l := table("line", "order_id integer", "order_rev integer")
	k := fk("line_order_id_order_rev_fkey", "order_id,order_rev", "orders", "id,rev")
	if opt != nil {
		opt(k)
	}
	l.ForeignKeys = []*schema.ForeignKey{k}
	return &schema.Schema{Tables: []*schema.Table{o, l}}
}

func selfRef(onDel schema.FKAction) *schema.Schema {
	c := table("cats", "id integer", "parent_id integer null")
	c.PrimaryKey = pk("cats_pkey", "id")
	c.ForeignKeys = []*schema.ForeignKey{fk("cats_parent_id_fkey", "parent_id", "cats", "id", onDelete(onDel))}
	return &schema.Schema{Tables: []*schema.Table{c}}
}

func TestCreateTableNamesUnnamed(t *testing.T) {
	n := table("notes", "id integer", "author_id integer", "slug text", "n integer")
	n.PrimaryKey = pk("", "id")
	n.ForeignKeys = []*schema.ForeignKey{fk("", "author_id", "users", "id"), fk("", "author_id", "users2", "id")}
	n.Uniques = []*schema.Unique{{Columns: []string{"slug"}}, {Name: "keep_me", Columns: []string{"n"}}}
	n.Checks = []*schema.Check{{Expr: "n > 0"}, {Name: "notes_check", Expr: "n < 9"}, {Expr: "n <> 5"}}
	u := table("users", "id integer")
	u.PrimaryKey = pk("", "id")
	u2 := table("users2", "id integer")
	u2.PrimaryKey = pk("", "id")
	to := &schema.Schema{Tables: []*schema.Table{n, u, u2}}
	ops := diffAndCheck(t, nil, to, Options{})
	equalLines(t, show(ops), []string{
		"create table users",
		"create table users2",
		"create table notes fks=notes_author_id_fkey,notes_author_id_fkey1",
	})
	ct := ops[2].(op.CreateTable).Table
	var names []string
	for _, u := range ct.Uniques {
		names = append(names, u.Name)
	}
	for _, c := range ct.Checks {
		names = append(names, c.Name)
	}
	equalLines(t, names, []string{"notes_slug_key", "keep_me", "notes_check1", "notes_check", "notes_check2"})
	if n.ForeignKeys[0].Name != "" || n.Uniques[0].Name != "" || n.Checks[0].Name != "" {
		t.Error("naming changed the caller's desired schema")
	}

	custom := Options{Naming: schema.Naming{Templates: map[string]string{"fk": "fk_{table}_{columns}", "ck": "ck_{table}"}}}
	ops = diffAndCheck(t, nil, to, custom)
	ct = ops[2].(op.CreateTable).Table
	equalLines(t, []string{ct.ForeignKeys[0].Name, ct.ForeignKeys[1].Name, ct.Checks[0].Name},
		[]string{"fk_notes_author_id", "fk_notes_author_id1", "ck_notes"})
}
