package diff

import (
	"testing"

	"github.com/retortdb/retort/schema"
)

func TestPrimaryKeyNameAndDirection(t *testing.T) {
	users := func(name string, desc ...string) *schema.Schema {
		return withUsers(func(u *schema.Table) { u.PrimaryKey.Name, u.PrimaryKey.Desc = name, desc })
	}
	const fkRecreated = "~ notes: foreign key notes_author_id_fkey (author_id) -> users(id): recreated (a column or key it relies on changes)\n"
	tests := []struct {
		name     string
		from, to *schema.Schema
		pkNames  bool
		want     string
	}{
		{"name differs, dialect names keys: rename", blog(), users("users_pk"), true,
			"~ rename constraint users_pkey to users_pk on users\n"},
		{"name differs, dialect ignores names", blog(), users("users_pk"), false, ""},
		{"unnamed desired key keeps the live name", blog(), users(""), true, ""},
		{"direction differs", blog(), users("users_pkey", "id"), false,
			fkRecreated + "~ alter primary key on users: (id) => (id DESC)\n"},
		{"same direction, other case", users("users_pkey", "id"), users("users_pkey", "ID"), true, ""},
		{"renamed key's comment is set on its new name", blog(), withUsers(func(u *schema.Table) { u.PrimaryKey.Name, u.PrimaryKey.Comment = "users_pk", "key" }), true,
			"~ rename constraint users_pkey to users_pk on users\n~ set comment on constraint users_pk of users: \"\" => \"key\"\n"},
		{"key changes and is renamed: one alter", blog(), users("users_pk", "id"), true,
			fkRecreated + "~ alter primary key on users: (id) => (id DESC)\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ops := diffAndCheck(t, tc.from, tc.to, Options{PKNames: tc.pkNames})
			if got := Describe(ops); got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}
