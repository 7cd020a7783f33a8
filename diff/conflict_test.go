package diff

import (
	"testing"

	"github.com/retortdb/retort/schema"
)

// SQLite's ON CONFLICT clauses are compared on a column's NOT NULL, the
// primary key and a unique, and described; dialects that have none leave
// the fields empty, so nothing changes for them.
func TestConflictClauses(t *testing.T) {
	conflict := func(notNull, primary, unique string) *schema.Schema {
		return withUsers(func(u *schema.Table) {
			u.Column("email").NotNullConflict = notNull
			u.PrimaryKey.OnConflict = primary
			u.Uniques[0].OnConflict = unique
		})
	}
	runCases(t, []diffCase{
		{"NOT NULL gains a clause", blog(), conflict("IGNORE", "", ""), []string{"alter column users.email"}},
		{"unique clause changes", conflict("", "", "REPLACE"), conflict("", "", "IGNORE"), []string{
			"drop unique users_email_key[email] on users",
			"add unique users_email_key[email] on users",
		}},
		{"primary key clause dropped", conflict("", "REPLACE", ""), blog(), []string{
			"drop fk notes notes_author_id_fkey (author_id) -> users(id)",
			"alter primary key on users",
			"add fk notes notes_author_id_fkey (author_id) -> users(id)",
		}},
		{"same clauses", conflict("FAIL", "ROLLBACK", "REPLACE"), conflict("FAIL", "ROLLBACK", "REPLACE"), nil},
	})

	got := Describe(diffAndCheck(t, blog(), conflict("IGNORE", "REPLACE", "FAIL"), Options{}))
	want := "~ notes: foreign key notes_author_id_fkey (author_id) -> users(id): recreated (a column or key it relies on changes)\n" +
		"- drop unique users_email_key[email] on users\n" +
		"~ alter primary key on users: (id) => (id) ON CONFLICT REPLACE\n" +
		"~ alter column users.email: NOT NULL ON CONFLICT none => IGNORE\n" +
		"+ add unique users_email_key[email] on users ON CONFLICT FAIL\n"
	if got != want {
		t.Errorf("Describe:\n%s\nwant:\n%s", got, want)
	}
}
