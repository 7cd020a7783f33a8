package sqlite

import (
	"context"
	"reflect"
	"testing"

	"github.com/retortdb/retort/internal/schematest"
	"github.com/retortdb/retort/schema"
)

func TestReflectViewsTriggersAndSkips(t *testing.T) {
	db := reflOpenMemory(t)
	schematest.Exec(t, db,
		`CREATE TABLE zeta (id INTEGER PRIMARY KEY AUTOINCREMENT, n INT)`, // makes sqlite_sequence
		`CREATE TABLE alpha (id INT UNIQUE)`,
		`CREATE TABLE retort_version (version_num TEXT)`,
		`CREATE TABLE retort_history (id INT)`,
		`CREATE TABLE retort_progress (id INT)`,
		`CREATE VIEW  "big  zeta" (a, b) AS
		   SELECT id,   n  -- the count
		   FROM zeta WHERE n > 'a  b'`,
		`CREATE VIEW v2 AS SELECT (SELECT 1 AS x) AS y`,
		`CREATE TRIGGER zeta_ins AFTER INSERT ON zeta BEGIN UPDATE zeta SET n = n + 1 WHERE id = new.id; END`,
		`CREATE INDEX alpha_idx ON alpha (id)`,
		`CREATE VIRTUAL TABLE vt USING fts5(body)`,
		`INSERT INTO zeta (n) VALUES (1)`,
	)
	s, err := Dialect{}.Reflect(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, tb := range s.Tables {
		names = append(names, tb.Name)
	}
	if want := []string{"alpha", "zeta"}; !reflect.DeepEqual(names, want) {
		t.Errorf("tables = %q, want %q", names, want)
	}
	wantViews := []*schema.View{
		{Name: "big  zeta", Def: "SELECT id, n FROM zeta WHERE n > 'a  b'"},
		{Name: "v2", Def: "SELECT (SELECT 1 AS x) AS y"},
	}
	if len(s.Views) != len(wantViews) {
		t.Fatalf("views = %s", reflJSON(s.Views))
	}
	for i, v := range s.Views {
		if v.Name != wantViews[i].Name || v.Def != wantViews[i].Def || v.SQL == "" {
			t.Errorf("view %d = %s, want %s", i, reflJSON(v), reflJSON(wantViews[i]))
		}
	}
	if len(s.Triggers) != 1 || s.Triggers[0].Name != "zeta_ins" || s.Triggers[0].Table != "zeta" ||
		s.Triggers[0].SQL != `CREATE TRIGGER zeta_ins AFTER INSERT ON zeta BEGIN UPDATE zeta SET n = n + 1 WHERE id = new.id; END` {
		t.Errorf("triggers = %s", reflJSON(s.Triggers))
	}
	alpha := s.Table("", "alpha")
	if len(alpha.Uniques) != 1 || len(alpha.Indexes) != 1 || alpha.Indexes[0].Name != "alpha_idx" {
		t.Errorf("alpha = %s", reflJSON(alpha))
	}
}

func TestReflectDeterministic(t *testing.T) {
	db := reflOpenMemory(t)
	schematest.Exec(t, db,
		`CREATE TABLE b (id INTEGER PRIMARY KEY, a_id INT REFERENCES a, c_id INT REFERENCES c)`,
		`CREATE TABLE a (id INTEGER PRIMARY KEY)`,
		`CREATE TABLE c (id INTEGER PRIMARY KEY)`,
		`CREATE INDEX b_z ON b (c_id)`,
		`CREATE INDEX b_a ON b (a_id)`,
	)
	first, err := Dialect{}.Reflect(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 5; i++ {
		again, err := Dialect{}.Reflect(context.Background(), db)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(first, again) {
			t.Fatalf("reflection %d differs:\n%s\n%s", i, reflJSON(first), reflJSON(again))
		}
	}
	b := first.Table("", "b")
	if first.Tables[0].Name != "a" || b.Indexes[0].Name != "b_a" || b.ForeignKeys[0].RefTable != "a" || b.ForeignKeys[1].RefTable != "c" {
		t.Errorf("order wrong: %s", reflJSON(first))
	}
}

// Reflection works on a *sql.Conn and inside a transaction, as the runner
// uses it.
func TestReflectOnConnAndTx(t *testing.T) {
	db := reflOpenMemory(t)
	schematest.Exec(t, db, `CREATE TABLE a (id INT)`)
	ctx := context.Background()
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.Exec(`CREATE TABLE b (id INT)`); err != nil {
		t.Fatal(err)
	}
	s, err := Dialect{}.Reflect(ctx, tx)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Tables) != 2 {
		t.Errorf("tables in tx = %d, want 2", len(s.Tables))
	}
}

// A temporary table of the same name must not shadow the main one, and
// triggers on retort's own tables are retort's.
func TestReflectMainSchemaOnly(t *testing.T) {
	db := reflOpenMemory(t)
	schematest.Exec(t, db,
		`CREATE TABLE a (id INTEGER PRIMARY KEY, x INT REFERENCES a)`,
		`CREATE INDEX a_x ON a (x)`,
		`CREATE TEMP TABLE a (other TEXT, y INT REFERENCES b)`,
		`CREATE INDEX temp.a_other ON a (other)`,
		`CREATE TABLE retort_version (version_num TEXT)`,
		`CREATE TRIGGER rv_ins AFTER INSERT ON retort_version BEGIN SELECT 1; END`,
	)
	s, err := Dialect{}.Reflect(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	a := s.Table("", "a")
	if len(s.Tables) != 1 || len(a.Columns) != 2 || a.Columns[1].Name != "x" ||
		len(a.ForeignKeys) != 1 || a.ForeignKeys[0].RefTable != "a" || len(a.Indexes) != 1 || a.Indexes[0].Name != "a_x" {
		t.Errorf("schema = %s", reflJSON(s))
	}
	if len(s.Triggers) != 0 {
		t.Errorf("triggers = %s", reflJSON(s.Triggers))
	}
}
