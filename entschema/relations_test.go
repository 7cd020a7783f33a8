package entschema

import (
	"strings"
	"testing"

	"entgo.io/ent"
	"entgo.io/ent/schema/edge"

	"github.com/retortdb/retort/entschema/internal/braindump"
)

// badge has an assoc edge to User without an inverse: the key is in
// badges' own table.
type badge struct{ ent.Schema }

func (badge) Edges() []ent.Edge {
	return []ent.Edge{edge.To("holder", braindump.User.Type).Unique()}
}

// Every edge holding a key has one relation line naming the key ent
// plans; inverse edges and the M2M join table (user_groups) have none.
func TestLoadRelations(t *testing.T) {
	const pkg = `"package":"github.com/retortdb/retort/entschema/internal/braindump",`
	want := []string{
		`{"orm":"ent","kind":"O2M",` + pkg + `"model":"User","field":"notes","table":"notes","columns":["author_id"],"ref_table":"users","ref_columns":["id"],"fk":true,"fk_name":"notes_users_notes"}`,
		`{"orm":"ent","kind":"O2M",` + pkg + `"model":"User","field":"owned_tasks","table":"tasks","columns":["owner_id"],"ref_table":"users","ref_columns":["id"],"fk":true,"fk_name":"tasks_users_owned_tasks"}`,
		`{"orm":"ent","kind":"O2M",` + pkg + `"model":"User","field":"reviewed_tasks","table":"tasks","columns":["reviewer_id"],"ref_table":"users","ref_columns":["id"],"fk":true,"fk_name":"tasks_users_reviewed_tasks"}`,
		`{"orm":"ent","kind":"O2M",` + pkg + `"model":"Task","field":"children","table":"tasks","columns":["parent_id"],"ref_table":"tasks","ref_columns":["id"],"fk":true,"fk_name":"tasks_tasks_children"}`,
		`{"orm":"ent","kind":"M2O","package":"github.com/retortdb/retort/entschema","model":"badge","field":"holder","table":"badges","columns":["badge_holder"],"ref_table":"users","ref_columns":["id"],"fk":true,"fk_name":"badges_users_holder"}`,
	}
	for _, dialect := range []string{"sqlite", "postgres", "mysql", "mariadb"} {
		t.Run(dialect, func(t *testing.T) {
			ddl, err := Load(dialect, append(braindump.Models(true), badge{})...)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, line := range strings.Split(ddl, "\n") {
				if rest, ok := strings.CutPrefix(line, "-- retort:relation "); ok {
					got = append(got, rest)
				}
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("relation lines:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		})
	}
}
