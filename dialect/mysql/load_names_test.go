package mysql

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/diff"
	"github.com/retortdb/retort/internal/schematest"
	"github.com/retortdb/retort/schema"
)

// TestDesiredNamesFollowTemplates: once their names are forgotten,
// constraints the desired schema leaves unnamed are created under the
// [naming] templates, not the names the scratch server made up (email,
// notes_ibfk_1, CONSTRAINT_1); those the user named keep their names.
func TestDesiredNamesFollowTemplates(t *testing.T) {
	_, u := freshDB(t)
	src := `CREATE TABLE users (id INT PRIMARY KEY, email VARCHAR(100) UNIQUE, nick VARCHAR(20), CONSTRAINT users_nick_uq UNIQUE (nick));
CREATE TABLE notes (id INT PRIMARY KEY, author_id INT, editor_id INT, qty INT CHECK (qty >= 0),
  CHECK (id > 0), CONSTRAINT notes_small CHECK (id < 1000),
  FOREIGN KEY (author_id) REFERENCES users (id),
  CONSTRAINT notes_editor FOREIGN KEY (editor_id) REFERENCES users (id));`
	want, err := Dialect{}.LoadDesired(context.Background(), u, "", []dialect.SourceFile{{Name: "schema.sql", SQL: src}})
	if err != nil {
		t.Fatal(err)
	}
	Dialect{}.ForgetServerNames(want, func(schema.ConstraintKind) bool { return true })
	naming := schema.Naming{MaxLen: 64, Templates: map[string]string{"fk": "fk_{table}_{columns}", "uq": "uq_{table}_{columns}", "ck": "ck_{table}"}}
	ops, err := diff.Schemas(nil, want, diff.Options{Naming: naming, FKNeedsIndex: true})
	if err != nil {
		t.Fatal(err)
	}
	stmts, err := Dialect{}.Render(ops, nil, dialect.RenderOptions{Naming: naming})
	if err != nil {
		t.Fatal(err)
	}
	sql := strings.Join(stmts, ";\n")
	for _, w := range []string{"`uq_users_email`", "`users_nick_uq`", "`fk_notes_author_id`", "`notes_editor`", "`ck_notes`", "`notes_small`", "`qty` int NULL CHECK (`qty` >= 0)"} {
		if !strings.Contains(sql, w) {
			t.Errorf("rendered SQL lacks %s:\n%s", w, sql)
		}
	}
	for _, n := range []string{"ibfk", "CONSTRAINT_1", "CONSTRAINT `email`"} {
		if strings.Contains(sql, n) {
			t.Errorf("rendered SQL keeps the server's name %s:\n%s", n, sql)
		}
	}
	db, _ := freshDB(t)
	execAll(t, db, stmts, sql)
	// The database made with the template names matches the desired
	// schema: the server's names are matched by content.
	ops, err = diff.Schemas(schematest.Reflect(t, Dialect{}, db), want, diff.Options{Naming: naming, FKNeedsIndex: true})
	if err != nil || len(ops) > 0 {
		t.Fatalf("the created database differs from desired: %v %v", ops, err)
	}
}

// TestForgetServerNames: only the names the server makes up, and only
// for the kinds asked for.
func TestForgetServerNames(t *testing.T) {
	cases := []struct {
		name  string
		kinds []schema.ConstraintKind
		want  string
	}{
		{"every kind", []schema.ConstraintKind{schema.KindForeignKey, schema.KindUnique, schema.KindCheck},
			",,notes_email_key,,notes_ibfk_x,other_ibfk_1,,,qty,constraint_one"},
		{"foreign keys only", []schema.ConstraintKind{schema.KindForeignKey},
			"email,email_2,notes_email_key,,notes_ibfk_x,other_ibfk_1,CONSTRAINT_1,notes_chk_2,qty,constraint_one"},
		{"none", nil,
			"email,email_2,notes_email_key,notes_ibfk_1,notes_ibfk_x,other_ibfk_1,CONSTRAINT_1,notes_chk_2,qty,constraint_one"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := &schema.Schema{Tables: []*schema.Table{{
				Name:        "Notes",
				Uniques:     []*schema.Unique{{Name: "email", Columns: []string{"email"}}, {Name: "email_2", Columns: []string{"email", "x"}}, {Name: "notes_email_key", Columns: []string{"email"}}},
				ForeignKeys: []*schema.ForeignKey{{Name: "notes_ibfk_1"}, {Name: "notes_ibfk_x"}, {Name: "other_ibfk_1"}},
				Checks:      []*schema.Check{{Name: "CONSTRAINT_1"}, {Name: "notes_chk_2"}, {Name: "qty", Column: "qty"}, {Name: "constraint_one"}},
			}}}
			Dialect{}.ForgetServerNames(s, func(k schema.ConstraintKind) bool { return slices.Contains(tc.kinds, k) })
			tb := s.Tables[0]
			var got []string
			for _, u := range tb.Uniques {
				got = append(got, u.Name)
			}
			for _, fk := range tb.ForeignKeys {
				got = append(got, fk.Name)
			}
			for _, ck := range tb.Checks {
				got = append(got, ck.Name)
			}
			if strings.Join(got, ",") != tc.want {
				t.Errorf("names = %s, want %s", strings.Join(got, ","), tc.want)
			}
		})
	}
}
