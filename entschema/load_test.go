package entschema

import (
	"context"
	"slices"
	"strings"
	"testing"

	"entgo.io/ent"
	entsql "entgo.io/ent/dialect/sql"
	"entgo.io/ent/dialect/sql/schema"

	"github.com/retortdb/retort/entschema/internal/braindump"
)

func variant(cascade bool) string {
	if cascade {
		return "cascade"
	}
	return "plain"
}

// The DDL per dialect and braindump revision, reviewed as golden files.
func TestLoadGolden(t *testing.T) {
	for _, dialect := range []string{"sqlite", "postgres", "mysql", "mariadb"} {
		for _, cascade := range []bool{false, true} {
			t.Run(dialect+"/"+variant(cascade), func(t *testing.T) {
				ddl, err := Load(dialect, braindump.Models(cascade)...)
				if err != nil {
					t.Fatal(err)
				}
				checkGolden(t, dialect+"_"+variant(cascade)+".sql", ddl)
			})
		}
	}
}

// The notes FK is ent's default (SET NULL for an optional edge) in the
// first revision and CASCADE once the edge is annotated.
func TestLoadNotesForeignKey(t *testing.T) {
	for _, dialect := range []string{"sqlite", "postgres", "mysql", "mariadb"} {
		for _, tc := range []struct {
			cascade bool
			want    string
		}{
			{false, "REFERENCES %s (%id%) ON DELETE SET NULL\n"},
			{true, "REFERENCES %s (%id%) ON DELETE CASCADE\n"},
		} {
			t.Run(dialect+"/"+variant(tc.cascade), func(t *testing.T) {
				ddl, err := Load(dialect, braindump.Models(tc.cascade)...)
				if err != nil {
					t.Fatal(err)
				}
				q := "`"
				if dialect == "postgres" {
					q = `"`
				}
				want := strings.NewReplacer("%s", q+"users"+q, "%", q).Replace(
					"FOREIGN KEY (%author_id%) " + tc.want)
				if !strings.Contains(ddl, want) {
					t.Errorf("the notes FK is not %q in:\n%s", want, ddl)
				}
			})
		}
	}
}

func TestLoadDialectAliases(t *testing.T) {
	for alias, canonical := range map[string]string{
		"sqlite3": "sqlite", "postgresql": "postgres", "pg": "postgres", " Postgres ": "postgres",
	} {
		got, err := Load(alias, braindump.Models(true)...)
		if err != nil {
			t.Fatalf("%q: %v", alias, err)
		}
		want, err := Load(canonical, braindump.Models(true)...)
		if err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Errorf("%q gives other DDL than %q", alias, canonical)
		}
	}
}

// Values, pointers and nil pointers are the same schema.
func TestLoadAcceptsPointers(t *testing.T) {
	want, err := Load("sqlite", braindump.Models(false)...)
	if err != nil {
		t.Fatal(err)
	}
	got, err := Load("sqlite", &braindump.User{}, (*braindump.Note)(nil), &braindump.Group{}, braindump.Task{})
	if err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Errorf("pointers give other DDL than values:\n%s\nwant:\n%s", got, want)
	}
}

func TestLoadErrors(t *testing.T) {
	for _, tc := range []struct {
		name    string
		dialect string
		models  []any
		want    string
	}{
		{"unknown dialect", "oracle", braindump.Models(false), `unknown dialect "oracle"`},
		{"no models", "sqlite", nil, "no models given"},
		{"not a schema", "sqlite", []any{braindump.User{}, "users"}, "model 2 (string) is not an ent schema"},
		{"nil model", "sqlite", []any{nil}, "model 1 (<nil>) is nil"},
		{"edge to a missing schema", "postgres", []any{braindump.Note{}}, "ent rejected the schema graph"},
		{"same schema twice", "mysql", append(braindump.Models(false), braindump.Group{}), `duplicate table name "groups"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ddl, err := Load(tc.dialect, tc.models...)
			if err == nil {
				t.Fatalf("no error; DDL:\n%s", ddl)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q does not say %q", err, tc.want)
			}
		})
	}
}

// The DDL applies on each real database and the catalog holds every FK
// with the action the model declares.
func TestLoadAppliesWithForeignKeyActions(t *testing.T) {
	for _, srv := range servers {
		for _, cascade := range []bool{false, true} {
			t.Run(srv.dialect+"/"+variant(cascade), func(t *testing.T) {
				db := srv.fresh(t)
				ddl, err := Load(srv.dialect, braindump.Models(cascade)...)
				if err != nil {
					t.Fatal(err)
				}
				apply(t, db, ddl)
				notes := "notes.author_id -> users ON DELETE SET NULL"
				if cascade {
					notes = "notes.author_id -> users ON DELETE CASCADE"
				}
				want := []string{
					notes,
					"tasks.owner_id -> users ON DELETE RESTRICT",
					"tasks.parent_id -> tasks ON DELETE NO ACTION",
					"tasks.reviewer_id -> users ON DELETE SET NULL",
					"user_groups.group_id -> groups ON DELETE CASCADE",
					"user_groups.user_id -> users ON DELETE CASCADE",
				}
				slices.Sort(want)
				if got := foreignKeys(t, db, srv.server); !slices.Equal(got, want) {
					t.Errorf("foreign keys in the catalog:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
				}
			})
		}
	}
}

// Loading the DDL builds the same catalog as ent's own migration
// (client.Schema.Create) run on an empty database of the same server.
func TestLoadMatchesEntMigration(t *testing.T) {
	for _, srv := range servers {
		t.Run(srv.dialect, func(t *testing.T) {
			models := braindump.Models(true)
			ddl, err := Load(srv.dialect, models...)
			if err != nil {
				t.Fatal(err)
			}
			fromDDL := srv.fresh(t)
			apply(t, fromDDL, ddl)

			byEnt := srv.fresh(t)
			tables, _, err := tables(models)
			if err != nil {
				t.Fatal(err)
			}
			migrate, err := schema.NewMigrate(entsql.OpenDB(srv.ent, byEnt))
			if err != nil {
				t.Fatal(err)
			}
			if err := migrate.Create(context.Background(), tables...); err != nil {
				t.Fatalf("ent's migration: %v", err)
			}
			got, want := catalog(t, fromDDL, srv.server), catalog(t, byEnt, srv.server)
			if !slices.Equal(got, want) {
				t.Errorf("catalog from the DDL:\n%s\n\ncatalog from ent's migration:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		})
	}
}

// ent.Interface is what Load requires of a model.
var _ ent.Interface = braindump.User{}
