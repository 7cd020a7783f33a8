package diff

import (
	"testing"

	"github.com/retortdb/retort/schema"
)

// INCLUDE columns and storage parameters of keys, the columns of ON
// DELETE SET NULL (cols) and view options are compared; parameters and
// options in any order. A view's options change in place.
func TestKeyAndViewOptions(t *testing.T) {
	unique := func(include []string, params string) *schema.Schema {
		return withUsers(func(u *schema.Table) {
			u.Uniques = []*schema.Unique{{Name: "users_email_key", Columns: []string{"email"}, Include: include, Params: params}}
		})
	}
	primary := func(include []string, params string) *schema.Schema {
		return withUsers(func(u *schema.Table) {
			u.PrimaryKey = &schema.PrimaryKey{Name: "users_pkey", Columns: []string{"id"}, Include: include, Params: params}
		})
	}
	setNull := func(cols ...string) *schema.Schema {
		return with(blog(), func(s *schema.Schema) {
			s.Tables[1].ForeignKeys[0].OnDelete = schema.SetNull
			s.Tables[1].ForeignKeys[0].DeleteSetColumns = cols
		})
	}
	view := func(options string) *schema.Schema {
		return with(blog(), func(s *schema.Schema) {
			s.Views = []*schema.View{{Name: "active", Def: "SELECT id FROM users", Options: options}}
		})
	}
	runCases(t, []diffCase{
		{"unique gains INCLUDE", blog(), unique([]string{"id"}, ""), []string{
			"drop unique users_email_key[email] on users",
			"add unique users_email_key[email] on users",
		}},
		{"unique storage parameter changes", unique(nil, "fillfactor=70"), unique(nil, "fillfactor=80"), []string{
			"drop unique users_email_key[email] on users",
			"add unique users_email_key[email] on users",
		}},
		{"unique parameters in another order", unique(nil, "fillfactor=70, deduplicate_items=off"), unique(nil, "deduplicate_items=off,fillfactor=70"), nil},
		{"primary key gains INCLUDE", blog(), primary([]string{"email"}, ""), []string{
			"drop fk notes notes_author_id_fkey (author_id) -> users(id)",
			"alter primary key on users",
			"add fk notes notes_author_id_fkey (author_id) -> users(id)",
		}},
		{"primary key loses WITH", primary(nil, "fillfactor=80"), blog(), []string{
			"drop fk notes notes_author_id_fkey (author_id) -> users(id)",
			"alter primary key on users",
			"add fk notes notes_author_id_fkey (author_id) -> users(id)",
		}},
		{"SET NULL (columns) added", setNull(), setNull("author_id"), []string{
			"drop fk notes notes_author_id_fkey (author_id) -> users(id) ON DELETE SET NULL",
			"add fk notes notes_author_id_fkey (author_id) -> users(id) ON DELETE SET NULL (author_id)",
		}},
		{"same SET NULL columns", setNull("author_id"), setNull("AUTHOR_ID"), nil},
		{"view option added in place", view(""), view("security_barrier=true"), []string{"set options on view active"}},
		{"view check option changes in place", view("check_option=local"), view("check_option=cascaded"), []string{"set options on view active"}},
		{"view definition and options change", view("check_option=local"), with(view(""), func(s *schema.Schema) {
			s.Views[0].Def = "SELECT id FROM users WHERE id > 0"
		}), []string{"drop view active", "create view active"}},
		{"view options in another order", view("check_option=local, security_barrier=true"), view("security_barrier=true, check_option=local"), nil},
	})
}
