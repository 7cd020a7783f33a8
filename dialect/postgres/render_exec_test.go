package postgres

import (
	"context"
	"database/sql"
	"strings"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/diff"
	"github.com/retortdb/retort/internal/schematest"
	"github.com/retortdb/retort/internal/testdb"
	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/schema"
)

// renderOpen opens a fresh database whose search path is the given
// schemas (first = the default one, reflected with Schema "").
func renderOpen(t *testing.T, searchPath ...string) *sql.DB {
	t.Helper()
	u := testdb.Postgres(t)
	if len(searchPath) > 0 {
		q := u.Query()
		q.Set("search_path", strings.Join(searchPath, ","))
		u.RawQuery = q.Encode()
	}
	db, err := Dialect{}.Open(context.Background(), u)
	if err != nil {
		t.Fatalf("open %s: %v", dialect.RedactURL(u), err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// renderRun executes rendered statements the way the runner does: Prepare,
// Body in one transaction, then Deferred in a second one.
func renderRun(t *testing.T, db *sql.DB, stmts []string) dialect.Plan {
	t.Helper()
	p := Dialect{}.Prepare(stmts)
	if p.NoTransaction {
		t.Fatalf("plan unexpectedly needs to run outside a transaction: %q", stmts)
	}
	for _, part := range [][]string{p.Body, p.Deferred} {
		if len(part) == 0 {
			continue
		}
		tx, err := db.Begin()
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range part {
			if _, err := tx.Exec(s); err != nil {
				tx.Rollback()
				t.Fatalf("statement failed: %v\n%s", err, s)
			}
		}
		if err := tx.Commit(); err != nil {
			t.Fatal(err)
		}
	}
	return p
}

// renderNoDiff fails when the live database differs from the desired model.
func renderNoDiff(t *testing.T, db *sql.DB, want *schema.Schema) {
	t.Helper()
	live := schematest.Reflect(t, Dialect{}, db)
	if ops := schematest.NoDiff(t, live, want, diff.Options{}); len(ops) > 0 {
		stmts, _ := Dialect{}.Render(ops, live, dialect.RenderOptions{})
		t.Fatalf("rendered schema reflects differently; SQL for the difference:\n%s", strings.Join(stmts, ";\n"))
	}
}

// renderExecSchema is the kitchen-sink table (minus the pg_trgm opclass,
// an extension) plus the tables its keys reference, across three schemas.
func renderExecSchema() *schema.Schema {
	ks := renderKitchenSink()
	// Expressions in the text PostgreSQL gives back (pg_get_expr).
	ks.Columns[7].Generated.Expr = "qty::numeric * 2.5"
	// Desired schemas come from LoadDesired, which always has names.
	ks.Indexes[3].Name = "Orders_CustomerID_idx"
	// name is COLLATE "C": PostgreSQL records the derived collation on the
	// expression part and none on the plain column part.
	ks.Indexes[0].Parts[0].Collation = "C"
	ks.Indexes[2].Parts[0].Collation = ""
	ks.Indexes = append(ks.Indexes[:1], ks.Indexes[2:]...)
	ks.Indexes = append(ks.Indexes, &schema.Index{Name: "orders_hash_idx", Method: "hash", Parts: []schema.IndexPart{{Column: "name"}}})
	customers := &schema.Table{Schema: "crm", Name: "Customers",
		Columns:    []*schema.Column{{Name: "ID", Type: "bigint"}, {Name: "Region", Type: "text", Nullable: true}},
		PrimaryKey: &schema.PrimaryKey{Columns: []string{"ID"}}}
	// A composite key referencing a composite unique, and a
	// self-referencing composite key, in the default schema.
	regions := &schema.Table{Name: "regions",
		Columns: []*schema.Column{{Name: "code", Type: "text"}, {Name: "country", Type: "text"},
			{Name: "parent_code", Type: "text", Nullable: true}, {Name: "parent_country", Type: "text", Nullable: true}},
		PrimaryKey: &schema.PrimaryKey{Columns: []string{"country", "code"}},
		ForeignKeys: []*schema.ForeignKey{{Columns: []string{"parent_country", "parent_code"}, RefTable: "regions",
			RefColumns: []string{"country", "code"}, OnDelete: schema.Cascade, Deferrable: true}},
		Comment: "regions",
	}
	shops := &schema.Table{Name: "Shops",
		Columns: []*schema.Column{{Name: "id", Type: "integer", Identity: "BY DEFAULT"}, {Name: "country", Type: "text"}, {Name: "code", Type: "text"},
			{Name: "opened", Type: "date", Default: renderStr("CURRENT_DATE")}},
		PrimaryKey: &schema.PrimaryKey{Columns: []string{"id"}},
		ForeignKeys: []*schema.ForeignKey{{Columns: []string{"country", "code"}, RefTable: "regions",
			RefColumns: []string{"country", "code"}, OnUpdate: schema.Cascade, Match: schema.MatchFull}},
		Checks: []*schema.Check{{Name: "Shops_code_check", Expr: "length(code) = 2"}},
	}
	// The search path's schemas other than public, as reflection models them.
	var schemas []*schema.SQLObject
	for _, n := range []string{"app", "crm"} {
		schemas = append(schemas, &schema.SQLObject{Kind: "schema", Name: n, Phase: schema.Container,
			Create: []string{"CREATE SCHEMA " + n}, Drop: []string{"DROP SCHEMA " + n}})
	}
	return &schema.Schema{Tables: []*schema.Table{customers, ks, regions, shops}, Objects: schemas}
}

// TestRenderExecCreateTables renders CreateTable ops, runs them on a real
// server, and checks that reflection reads back exactly the model: no
// diff, so no false positive on the next autogenerate.
func TestRenderExecCreateTables(t *testing.T) {
	db := renderOpen(t, "public", "app", "crm")
	renderRun(t, db, []string{"CREATE SCHEMA app", "CREATE SCHEMA crm"})
	want := renderExecSchema()
	var ops []op.Op
	for _, tb := range want.Tables {
		ops = append(ops, op.CreateTable{Table: tb})
	}
	stmts, err := Dialect{}.Render(ops, nil, dialect.RenderOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range stmts {
		if strings.Contains(s, "NOT VALID") || strings.Contains(s, "lock_timeout") {
			t.Errorf("keys of tables created in the same batch must be plain, got %q", s)
		}
	}
	renderRun(t, db, stmts)
	renderNoDiff(t, db, want)

	// Rows behave as the model says: identity and serial count, the
	// generated column computes, the cascade reaches the self-reference.
	mustExec := func(q string) {
		t.Helper()
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	mustExec(`INSERT INTO crm."Customers" ("ID") VALUES (7)`)
	mustExec(`INSERT INTO app."Orders" ("CustomerID", name, qty) VALUES (7, 'a', 4)`)
	var total string
	if err := db.QueryRow(`SELECT total::text FROM app."Orders"`).Scan(&total); err != nil || total != "10.00" {
		t.Fatalf("generated total = %q, %v; want 10.00", total, err)
	}
	mustExec(`INSERT INTO regions (country, code) VALUES ('fr', 'ID')`)
	mustExec(`INSERT INTO regions (country, code, parent_country, parent_code) VALUES ('fr', 'PA', 'fr', 'ID')`)
	mustExec(`DELETE FROM regions WHERE code = 'ID'`)
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM regions`).Scan(&n); err != nil || n != 0 {
		t.Fatalf("self-referencing cascade left %d rows (%v)", n, err)
	}
}

// TestRenderExecAlters runs the ALTER-side ops against a live table and
// checks the reflection matches the model after each step.
func TestRenderExecAlters(t *testing.T) {
	db := renderOpen(t)
	cur := renderUsersNotes()
	stmts, err := Dialect{}.Render([]op.Op{op.CreateTable{Table: cur.Tables[0]}, op.CreateTable{Table: cur.Tables[1]}}, nil, dialect.RenderOptions{})
	if err != nil {
		t.Fatal(err)
	}
	renderRun(t, db, stmts)
	if _, err := db.Exec(`INSERT INTO users VALUES (1, 'a'); INSERT INTO notes (author_id, body) VALUES (1, '42')`); err != nil {
		t.Fatal(err)
	}
	notes := op.Ref{Name: "notes"}
	body := &schema.Column{Name: "body", Type: "text"}
	steps := []struct {
		name string
		ops  []op.Op
	}{
		{"retype with USING", []op.Op{op.AlterColumn{Table: notes, From: body, To: &schema.Column{Name: "body", Type: "integer", Default: renderStr("0")}}}},
		{"nullable and collation", []op.Op{op.AlterColumn{Table: notes, From: &schema.Column{Name: "body", Type: "integer", Default: renderStr("0")},
			To: &schema.Column{Name: "body", Type: "text", Nullable: true, Collation: "C"}}}},
		{"identity always", []op.Op{op.AlterColumn{Table: notes, From: &schema.Column{Name: "id", Type: "bigint", Identity: "BY DEFAULT"},
			To: &schema.Column{Name: "id", Type: "bigint", Identity: "ALWAYS"}}}},
		{"add column, unique, check", []op.Op{
			op.AddColumn{Table: notes, Column: &schema.Column{Name: "Title", Type: "character varying(20)", Nullable: true}},
			op.AddUnique{Table: notes, Unique: &schema.Unique{Columns: []string{"Title"}, Deferrable: true, InitiallyDeferred: true}},
			op.AddCheck{Table: notes, Check: &schema.Check{Name: "notes_title_check", Expr: "length(\"Title\"::text) > 0"}},
		}},
		{"rename constraint", []op.Op{
			op.RenameConstraint{Table: notes, Kind: "uq", Old: "notes_Title_key", New: "notes_title_key"},
		}},
		{"swap primary key", []op.Op{op.AlterPrimaryKey{Table: notes, From: &schema.PrimaryKey{Name: "notes_pkey", Columns: []string{"id"}},
			To: &schema.PrimaryKey{Name: "notes_pkey", Columns: []string{"id", "author_id"}}}}},
		{"index and comment", []op.Op{
			op.CreateIndex{Table: notes, Index: &schema.Index{Name: "notes_lower_idx", Parts: []schema.IndexPart{{Expr: "lower(body)", Desc: true, Collation: "C"}}, Where: "body IS NOT NULL"}},
			op.RenameIndex{Table: notes, Old: "notes_author_id_idx", New: "notes_by_author"},
			op.SetTableComment{Table: notes, To: "it's notes"},
		}},
		{"enum", []op.Op{op.CreateEnum{Enum: &schema.Enum{Name: "mood", Values: []string{"ok", "sad"}}}}},
		{"rename table", []op.Op{op.RenameTable{Old: "notes", New: "Posts"}}},
	}
	for _, st := range steps {
		model := schematest.Reflect(t, Dialect{}, db)
		if err := op.Apply(model, st.ops...); err != nil {
			t.Fatalf("%s: apply to model: %v", st.name, err)
		}
		stmts, err := Dialect{}.Render(st.ops, schematest.Reflect(t, Dialect{}, db), dialect.RenderOptions{})
		if err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		renderRun(t, db, stmts)
		t.Run(st.name, func(t *testing.T) { renderNoDiff(t, db, model) })
	}
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM "Posts" WHERE body = '42'`).Scan(&n); err != nil || n != 1 {
		t.Fatalf("the row did not survive the alters: %d, %v", n, err)
	}
}
