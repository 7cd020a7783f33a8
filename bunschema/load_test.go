package bunschema

import (
	"context"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/uptrace/bun"

	"github.com/retortdb/retort/bunschema/internal/braindump"
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

// The notes FK has no declared action in the first revision (bun spells
// out NO ACTION) and ON DELETE CASCADE once the tag says on_delete:CASCADE.
func TestLoadNotesForeignKey(t *testing.T) {
	for _, dialect := range []string{"sqlite", "postgres", "mysql", "mariadb"} {
		for _, tc := range []struct {
			cascade bool
			want    string
		}{
			{false, "REFERENCES %users% (%id%) ON UPDATE NO ACTION ON DELETE NO ACTION)"},
			{true, "REFERENCES %users% (%id%) ON UPDATE NO ACTION ON DELETE CASCADE)"},
		} {
			t.Run(dialect+"/"+variant(tc.cascade), func(t *testing.T) {
				ddl, err := Load(dialect, braindump.Models(tc.cascade)...)
				if err != nil {
					t.Fatal(err)
				}
				q := "`"
				if dialect == "sqlite" || dialect == "postgres" {
					q = `"`
				}
				want := strings.ReplaceAll("FOREIGN KEY (%author_id%) "+tc.want, "%", q)
				if !strings.Contains(ddl, want) {
					t.Errorf("the notes FK is not %q in:\n%s", want, ddl)
				}
			})
		}
	}
}

func TestLoadDialectAliases(t *testing.T) {
	for alias, canonical := range map[string]string{
		"sqlite3": "sqlite", "postgresql": "postgres", "pg": "postgres", " MySQL ": "mysql",
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

// Values, pointers and nil pointers are the same model.
func TestLoadAcceptsValues(t *testing.T) {
	want, err := Load("postgres", braindump.Models(false)...)
	if err != nil {
		t.Fatal(err)
	}
	got, err := Load("postgres", braindump.Note{}, &braindump.User{}, braindump.Task{},
		(*braindump.TeamMember)(nil), braindump.Team{}, &braindump.Member{})
	if err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Errorf("values give other DDL than nil pointers:\n%s\nwant:\n%s", got, want)
	}
}

// Referenced tables come first whatever order the models are given in.
func TestLoadCreatesReferencedTablesFirst(t *testing.T) {
	ddl, err := Load("sqlite", braindump.Models(false)...)
	if err != nil {
		t.Fatal(err)
	}
	var created []string
	for _, line := range strings.Split(ddl, "\n") {
		if name, ok := strings.CutPrefix(line, `CREATE TABLE "`); ok {
			created = append(created, name[:strings.Index(name, `"`)])
		}
	}
	before := func(a, b string) bool { return slices.Index(created, a) < slices.Index(created, b) }
	for _, pair := range [][2]string{{"users", "notes"}, {"members", "tasks"}, {"teams", "team_members"}, {"members", "team_members"}} {
		if !before(pair[0], pair[1]) {
			t.Errorf("%s is created after %s: %v", pair[0], pair[1], created)
		}
	}
}

type orphanNote struct {
	bun.BaseModel `bun:"table:notes"`
	ID            int64           `bun:"id,pk"`
	AuthorID      int64           `bun:"author_id"`
	Author        *braindump.User `bun:"rel:belongs-to,join:author_id=id"`
}

type badJoin struct {
	bun.BaseModel `bun:"table:bad"`
	ID            int64           `bun:"id,pk"`
	Author        *braindump.User `bun:"rel:belongs-to,join:writer_id=id"`
}

type cycleA struct {
	bun.BaseModel `bun:"table:cycle_a"`
	ID            int64   `bun:"id,pk"`
	BID           int64   `bun:"b_id"`
	B             *cycleB `bun:"rel:belongs-to,join:b_id=id"`
}

type cycleB struct {
	bun.BaseModel `bun:"table:cycle_b"`
	ID            int64   `bun:"id,pk"`
	AID           int64   `bun:"a_id"`
	A             *cycleA `bun:"rel:belongs-to,join:a_id=id"`
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
		{"not a struct", "sqlite", []any{(*braindump.User)(nil), "users"}, "model 2 (string) is not a bun model"},
		{"nil model", "sqlite", []any{nil}, "model 1 (<nil>) is not a bun model"},
		{"same model twice", "sqlite", []any{(*braindump.User)(nil), braindump.User{}}, "model 2 (braindump.User) is given twice"},
		{"referenced model missing", "postgres", []any{(*orphanNote)(nil)}, "model bunschema.orphanNote references braindump.User (field Author), which is not among the models"},
		{"join column missing", "mysql", []any{(*braindump.User)(nil), (*badJoin)(nil)}, "bun rejected model bunschema.badJoin"},
		{"key cycle", "postgres", []any{(*cycleA)(nil), (*cycleB)(nil)}, "tables cycle_a, cycle_b form a cycle"},
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
// with the actions the tags declare.
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
				notes := "notes.author_id -> users ON UPDATE NO ACTION ON DELETE NO ACTION"
				if cascade {
					notes = "notes.author_id -> users ON UPDATE NO ACTION ON DELETE CASCADE"
				}
				want := []string{
					notes,
					"tasks.owner_id -> members ON UPDATE CASCADE ON DELETE RESTRICT",
					"tasks.reviewer_id -> members ON UPDATE NO ACTION ON DELETE SET NULL",
					"team_members.member_id -> members ON UPDATE NO ACTION ON DELETE CASCADE",
					"team_members.team_id -> teams ON UPDATE NO ACTION ON DELETE CASCADE",
				}
				slices.Sort(want)
				if got := foreignKeys(t, db, srv.server); !slices.Equal(got, want) {
					t.Errorf("foreign keys in the catalog:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
				}
			})
		}
	}
}

// Loading the DDL builds the same catalog as bun creating the tables
// itself (NewCreateTable().WithForeignKeys() and its hooks, in the same
// order) on an empty database of the same server.
func TestLoadMatchesBunCreateTable(t *testing.T) {
	for _, srv := range servers {
		t.Run(srv.dialect, func(t *testing.T) {
			models := braindump.Models(true)
			ddl, err := Load(srv.dialect, models...)
			if err != nil {
				t.Fatal(err)
			}
			fromDDL := srv.fresh(t)
			apply(t, fromDDL, ddl)

			target, err := lookupDialect(srv.dialect)
			if err != nil {
				t.Fatal(err)
			}
			byBun := srv.fresh(t)
			db := bun.NewDB(byBun, target.dialect())
			db.RegisterModel((*braindump.TeamMember)(nil))
			for _, m := range createdOrder(t, ddl, models) {
				if _, err := db.NewCreateTable().Model(m).WithForeignKeys().Exec(context.Background()); err != nil {
					t.Fatalf("bun creating %T: %v", m, err)
				}
			}
			got, want := catalog(t, fromDDL, srv.server), catalog(t, byBun, srv.server)
			if len(want) == 0 {
				t.Fatal("bun created nothing")
			}
			if !slices.Equal(got, want) {
				t.Errorf("catalog from the DDL:\n%s\n\ncatalog from bun:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		})
	}
}

// createdOrder returns the models in the order their CREATE TABLE
// statements appear in ddl.
func createdOrder(t *testing.T, ddl string, models []any) []any {
	t.Helper()
	ordered := slices.Clone(models)
	pos := func(m any) int {
		tag, _ := reflect.TypeOf(m).Elem().Field(0).Tag.Lookup("bun")
		table := strings.TrimPrefix(tag, "table:")
		for _, q := range []string{`"`, "`"} {
			if i := strings.Index(ddl, "CREATE TABLE "+q+table+q+" "); i >= 0 {
				return i
			}
		}
		t.Fatalf("no CREATE TABLE for %s", table)
		return 0
	}
	slices.SortFunc(ordered, func(a, b any) int { return pos(a) - pos(b) })
	return ordered
}
