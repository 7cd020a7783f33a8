package bunschema

import (
	"strings"
	"testing"

	"github.com/uptrace/bun"
)

// Relation models: a has-many with and without the belongs-to that
// creates its key, a has-one, and a belongs-to over the primary key.
type blog struct {
	bun.BaseModel `bun:"table:blogs"`

	ID       int64      `bun:"id,pk,autoincrement"`
	Posts    []*post    `bun:"rel:has-many,join:id=blog_id"`   // key from post.Blog
	Comments []*comment `bun:"rel:has-many,join:id=blog_id"`   // no key anywhere
	Settings *settings  `bun:"rel:has-one,join:id=blog_id"`    // no key anywhere
	Owner    *owner     `bun:"rel:belongs-to,join:id=blog_id"` // over the primary key: no key
}

type post struct {
	bun.BaseModel `bun:"table:posts"`

	ID     int64 `bun:"id,pk,autoincrement"`
	BlogID int64 `bun:"blog_id,notnull"`
	Blog   *blog `bun:"rel:belongs-to,join:blog_id=id,on_delete:CASCADE"`
}

type comment struct {
	bun.BaseModel `bun:"table:comments"`

	ID     int64 `bun:"id,pk,autoincrement"`
	BlogID int64 `bun:"blog_id,notnull"`
}

type settings struct {
	bun.BaseModel `bun:"table:settings"`

	ID     int64 `bun:"id,pk,autoincrement"`
	BlogID int64 `bun:"blog_id,notnull"`
}

type owner struct {
	bun.BaseModel `bun:"table:owners"`

	BlogID int64 `bun:"blog_id,pk"`
}

func TestLoadRelations(t *testing.T) {
	const pkg = `"package":"github.com/retortdb/retort/bunschema",`
	want := []string{
		`{"orm":"bun","kind":"has-many",` + pkg + `"model":"blog","field":"Comments","table":"comments","columns":["blog_id"],"ref_table":"blogs","ref_columns":["id"],"fk":false,"no_fk_because":"bun creates no foreign key for a has-many relation, and comment has no belongs-to relation over blog_id that would"}`,
		`{"orm":"bun","kind":"has-one",` + pkg + `"model":"blog","field":"Settings","table":"settings","columns":["blog_id"],"ref_table":"blogs","ref_columns":["id"],"fk":false,"no_fk_because":"bun creates no foreign key for a has-one relation, and settings has no belongs-to relation over blog_id that would"}`,
		`{"orm":"bun","kind":"belongs-to",` + pkg + `"model":"blog","field":"Owner","table":"blogs","columns":["id"],"ref_table":"owners","ref_columns":["blog_id"],"fk":false,"no_fk_because":"bun creates no foreign key for a belongs-to relation over the table's primary key outside an m2m join table"}`,
		`{"orm":"bun","kind":"belongs-to",` + pkg + `"model":"post","field":"Blog","table":"posts","columns":["blog_id"],"ref_table":"blogs","ref_columns":["id"],"fk":true}`,
	}
	for _, dialect := range []string{"sqlite", "postgres", "mysql", "mariadb"} {
		t.Run(dialect, func(t *testing.T) {
			ddl, err := Load(dialect, (*blog)(nil), (*post)(nil), (*comment)(nil), (*settings)(nil), (*owner)(nil))
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
			if n := strings.Count(ddl, "FOREIGN KEY"); n != 1 {
				t.Errorf("the DDL has %d foreign keys, want posts' one:\n%s", n, ddl)
			}
		})
	}
}
