package schemasource

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWithDeclarations(t *testing.T) {
	const gormSrc = `package models

import "gorm.io/gorm"

type User struct {
	gorm.Model
	Notes []Note ` + "`gorm:\"foreignKey:AuthorID\"`" + `
}
`
	const entSrc = `package schema

import (
	"entgo.io/ent"
	e "entgo.io/ent/schema/edge"
)

type User struct{ ent.Schema }

func (User) Edges() []ent.Edge {
	return []ent.Edge{
		e.To("notes", Note.Type),
		e.From("boss", User.Type).
			Ref("staff").Unique(),
	}
}
`
	tests := []struct {
		name, orm, src string
		ddl, want      string
	}{
		{name: "a GORM field", orm: "gorm", src: gormSrc,
			ddl:  "-- retort:relation {\"package\":\"example.com/m/models\",\"model\":\"User\",\"field\":\"Notes\",\"fk\":true}\nCREATE TABLE users (id int);\n",
			want: "-- retort:relation {\"package\":\"example.com/m/models\",\"model\":\"User\",\"field\":\"Notes\",\"fk\":true,\"at\":\"models/m.go:7\"}\nCREATE TABLE users (id int);\n"},
		{name: "ent edges under a renamed import", orm: "ent", src: entSrc,
			ddl: "-- retort:relation {\"package\":\"example.com/m/models\",\"model\":\"User\",\"field\":\"notes\"}\n" +
				"-- retort:relation {\"package\":\"example.com/m/models\",\"model\":\"User\",\"field\":\"boss\"}\n",
			want: "-- retort:relation {\"package\":\"example.com/m/models\",\"model\":\"User\",\"field\":\"notes\",\"at\":\"models/m.go:12\"}\n" +
				"-- retort:relation {\"package\":\"example.com/m/models\",\"model\":\"User\",\"field\":\"boss\",\"at\":\"models/m.go:13\"}\n"},
		{name: "another package's model, an unknown field, a position given, no JSON", orm: "gorm", src: gormSrc,
			ddl: "-- retort:relation {\"package\":\"example.com/other\",\"model\":\"User\",\"field\":\"Notes\"}\n" +
				"-- retort:relation {\"package\":\"example.com/m/models\",\"model\":\"User\",\"field\":\"Posts\"}\n" +
				"-- retort:relation {\"package\":\"example.com/m/models\",\"model\":\"User\",\"field\":\"Notes\",\"at\":\"x.go:1\"}\n" +
				"-- retort:relation User.Notes\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			base := t.TempDir()
			dir := filepath.Join(base, "models")
			if err := os.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, "m.go"), []byte(tt.src), 0o644); err != nil {
				t.Fatal(err)
			}
			got := withDeclarations(tt.ddl, "example.com/m/models", declarations(orms[tt.orm], dir, []string{"m.go"}, base))
			want := tt.want
			if want == "" {
				want = tt.ddl
			}
			if got != want {
				t.Errorf("got\n%s\nwant\n%s", got, want)
			}
			if strings.Count(got, "\n") != strings.Count(tt.ddl, "\n") {
				t.Errorf("lines added or lost")
			}
		})
	}
}
