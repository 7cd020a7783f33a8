package gormschema_test

import (
	"strings"
	"testing"

	"gorm.io/gorm"

	"github.com/retortdb/retort/gormschema"
)

// Relation models: each relation kind GORM has, with and without the
// foreign key it creates.
type Author struct {
	ID      uint
	Posts   []Post   `gorm:"constraint:OnDelete:CASCADE"`      // has-many, FK on posts
	Profile Profile  `gorm:"constraint:OnUpdate:CASCADE"`      // has-one
	Drafts  []Draft  `gorm:"foreignKey:WriterID;constraint:-"` // no FK
	Notes   []Remark `gorm:"polymorphic:Owner"`                // polymorphic: no FK
}

type Post struct {
	ID       uint
	AuthorID uint
	Author   Author // belongs-to covered by Author.Posts: no line of its own
	EditorID *uint
	Editor   *Editor `gorm:"constraint:OnDelete:SET NULL"` // belongs-to with its own FK
}

type Profile struct {
	ID       uint
	AuthorID uint
}

type Draft struct {
	ID       uint
	WriterID uint
}

type Remark struct {
	ID        uint
	OwnerID   uint
	OwnerType string
}

type Editor struct {
	gorm.Model
	Name string
}

func TestLoadRelations(t *testing.T) {
	const pkg = `"package":"github.com/retortdb/retort/gormschema_test",`
	want := []string{
		`{"orm":"gorm","kind":"has-many",` + pkg + `"model":"Author","field":"Posts","table":"posts","columns":["author_id"],"ref_table":"authors","ref_columns":["id"],"fk":true,"fk_name":"fk_authors_posts"}`,
		`{"orm":"gorm","kind":"has-one",` + pkg + `"model":"Author","field":"Profile","table":"profiles","columns":["author_id"],"ref_table":"authors","ref_columns":["id"],"fk":true,"fk_name":"fk_authors_profile"}`,
		`{"orm":"gorm","kind":"has-many",` + pkg + `"model":"Author","field":"Drafts","table":"drafts","columns":["writer_id"],"ref_table":"authors","ref_columns":["id"],"fk":false,"no_fk_because":"its gorm tag says constraint:-"}`,
		`{"orm":"gorm","kind":"has-many",` + pkg + `"model":"Author","field":"Notes","table":"remarks","columns":["owner_id"],"ref_table":"authors","ref_columns":["id"],"fk":false,"no_fk_because":"GORM creates no foreign key for a polymorphic relation"}`,
		`{"orm":"gorm","kind":"belongs-to",` + pkg + `"model":"Post","field":"Editor","table":"posts","columns":["editor_id"],"ref_table":"editors","ref_columns":["id"],"fk":true,"fk_name":"fk_posts_editor"}`,
	}
	for _, dialect := range []string{"sqlite", "postgres", "mysql"} {
		t.Run(dialect, func(t *testing.T) {
			ddl, err := gormschema.Load(dialect, &Author{}, &Post{}, &Profile{}, &Draft{}, &Remark{}, &Editor{})
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
			// Each line with a key names one the DDL creates, and the
			// relations without one have none in the DDL.
			for _, name := range []string{"fk_authors_posts", "fk_authors_profile", "fk_posts_editor"} {
				if !strings.Contains(ddl, "CONSTRAINT `"+name+"`") && !strings.Contains(ddl, `CONSTRAINT "`+name+`"`) {
					t.Errorf("the DDL has no foreign key %s:\n%s", name, ddl)
				}
			}
			if n := strings.Count(ddl, "FOREIGN KEY"); n != 3 {
				t.Errorf("the DDL has %d foreign keys, want 3:\n%s", n, ddl)
			}
		})
	}
}
