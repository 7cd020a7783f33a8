package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/schema"
	_ "modernc.org/sqlite"
)

func rebuildStrp(s string) *string { return &s }

// rebuildFixture is users <- notes (ON DELETE CASCADE, self reference to
// a parent note), a composite key orgs_members <- acl, a view and
// triggers. Constraints are named as Render would name them.
func rebuildFixture() *schema.Schema {
	return &schema.Schema{
		Tables: []*schema.Table{
			{
				Name: "users",
				Columns: []*schema.Column{
					{Name: "id", Type: "INTEGER", AutoIncrement: true},
					{Name: "email", Type: "TEXT", Collation: "NOCASE"},
				},
				PrimaryKey: &schema.PrimaryKey{Name: "users_pkey", Columns: []string{"id"}},
				Uniques:    []*schema.Unique{{Name: "users_email_key", Columns: []string{"email"}}},
			},
			{
				Name: "notes",
				Columns: []*schema.Column{
					{Name: "id", Type: "INTEGER", AutoIncrement: true},
					{Name: "author_id", Type: "INTEGER"},
					{Name: "parent_id", Type: "INTEGER", Nullable: true},
					{Name: "body", Type: "TEXT", Nullable: true, Default: rebuildStrp("''")},
					{Name: "size", Type: "INTEGER", Nullable: true, Generated: &schema.Generated{Expr: "length(body)"}},
				},
				PrimaryKey: &schema.PrimaryKey{Name: "notes_pkey", Columns: []string{"id"}},
				ForeignKeys: []*schema.ForeignKey{
					{Name: "notes_author_id_fkey", Columns: []string{"author_id"}, RefTable: "users", RefColumns: []string{"id"}, OnDelete: "CASCADE"},
				},
				Indexes: []*schema.Index{
					{Name: "notes_author_id_idx", Parts: []schema.IndexPart{{Column: "author_id"}}},
					{Name: "notes_body_idx", Parts: []schema.IndexPart{{Column: "body", Collation: "NOCASE", Desc: true}}, Where: "body <> ''"},
				},
			},
			{
				Name: "members",
				Columns: []*schema.Column{
					{Name: "org", Type: "TEXT"},
					{Name: "user_id", Type: "INTEGER"},
				},
				PrimaryKey: &schema.PrimaryKey{Name: "members_pkey", Columns: []string{"org", "user_id"}},
				Options:    map[string]string{"WITHOUT ROWID": "true"},
			},
			{
				Name: "acl",
				Columns: []*schema.Column{
					{Name: "org", Type: "TEXT"},
					{Name: "user_id", Type: "INTEGER"},
					{Name: "level", Type: "TEXT", Nullable: true},
				},
			},
		},
		Views: []*schema.View{{Name: "note_authors", Def: `SELECT n.id, u.email FROM notes n JOIN users u ON u.id = n.author_id`}},
		Triggers: []*schema.Trigger{
			{Name: "notes_touch", Table: "notes", SQL: "CREATE TRIGGER \"notes_touch\" AFTER UPDATE OF body ON notes BEGIN UPDATE users SET email = email WHERE id = NEW.author_id; END"},
			{Name: "acl_audit", Table: "acl", SQL: "CREATE TRIGGER \"acl_audit\" AFTER INSERT ON acl BEGIN SELECT count(*) FROM notes; END"},
		},
	}
}

// rebuildCreateOps creates a schema from nothing with Render itself.
func rebuildCreateOps(s *schema.Schema) []op.Op {
	var ops []op.Op
	for _, t := range s.Tables {
		ops = append(ops, op.CreateTable{Table: t})
	}
	for _, v := range s.Views {
		ops = append(ops, op.CreateView{View: v})
	}
	for _, tr := range s.Triggers {
		ops = append(ops, op.CreateTrigger{Trigger: tr})
	}
	return ops
}

// rebuildOpenDB opens a fresh SQLite file the way an application does.
func rebuildOpenDB(t testing.TB) *sql.DB { return rebuildOpenDBWith(t, "") }

// rebuildOpenDBWith adds URL parameters such as "&_pragma=legacy_alter_table(1)".
func rebuildOpenDBWith(t testing.TB, extra string) *sql.DB {
	t.Helper()
	path := filepath.Join(t.TempDir(), "test.db")
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=foreign_keys(1)&_pragma=busy_timeout(5000)"+extra)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// rebuildMigrate renders ops against cur and runs the plan; it returns
// the model after the ops.
func rebuildMigrate(t testing.TB, db *sql.DB, cur *schema.Schema, ops []op.Op) (*schema.Schema, error) {
	t.Helper()
	stmts, err := Dialect{}.Render(ops, cur, dialect.RenderOptions{Naming: dialectNaming()})
	if err != nil {
		t.Fatal(err)
	}
	next := cur.Clone()
	if err := op.Apply(next, ops...); err != nil {
		t.Fatal(err)
	}
	return next, prepRun(context.Background(), db, Dialect{}.Prepare(stmts))
}

// prepRun executes a plan the way the runner does: Before on the
// connection, then BEGIN, Body, Checks (any row fails), COMMIT or
// ROLLBACK, and After whatever happened.
func prepRun(ctx context.Context, db *sql.DB, p dialect.Plan) (err error) {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	for _, s := range p.Before {
		if _, err := conn.ExecContext(ctx, s); err != nil {
			return fmt.Errorf("statement %q: %w", s, err)
		}
	}
	defer func() {
		for _, s := range p.After {
			if _, e := conn.ExecContext(ctx, s); e != nil && err == nil {
				err = fmt.Errorf("statement %q: %w", s, e)
			}
		}
	}()
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	for _, s := range p.Body {
		if _, err := tx.ExecContext(ctx, s); err != nil {
			tx.Rollback()
			return fmt.Errorf("statement %q: %w", s, err)
		}
	}
	for _, s := range p.Checks {
		if err := prepCheck(ctx, tx, s); err != nil {
			tx.Rollback()
			return err
		}
	}
	return tx.Commit()
}

// prepCheck runs PRAGMA foreign_key_check and names each violating row.
func prepCheck(ctx context.Context, tx *sql.Tx, q string) error {
	rows, err := tx.QueryContext(ctx, q)
	if err != nil {
		return fmt.Errorf("statement %q: %w", q, err)
	}
	defer rows.Close()
	var bad []string
	for rows.Next() {
		var table, parent string
		var rowid sql.NullInt64
		var fkid int
		if err := rows.Scan(&table, &rowid, &parent, &fkid); err != nil {
			return fmt.Errorf("statement %q: %w", q, err)
		}
		bad = append(bad, fmt.Sprintf("%s rowid %d references missing %s row", table, rowid.Int64, parent))
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("statement %q: %w", q, err)
	}
	if len(bad) > 0 {
		return fmt.Errorf("foreign key check failed: %s", strings.Join(bad, "; "))
	}
	return nil
}

func prepQueryStrings(t testing.TB, db *sql.DB, q string) []string {
	t.Helper()
	rows, err := db.Query(q)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s sql.NullString
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		out = append(out, s.String)
	}
	return out
}

func prepQueryInt(t testing.TB, db *sql.DB, q string) int64 {
	t.Helper()
	var n int64
	if err := db.QueryRow(q).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}

func TestRuntime(t *testing.T) {
	d := Dialect{}
	if !d.Capabilities().TransactionalDDL || d.BeginSQL() != "BEGIN IMMEDIATE" || d.Placeholder(3) != "?" {
		t.Fatal("runtime facts wrong")
	}
	db := rebuildOpenDB(t)
	for i := 0; i < 2; i++ { // idempotent
		for _, s := range d.VersionTablesDDL() {
			if _, err := db.Exec(s); err != nil {
				t.Fatalf("%s: %v", s, err)
			}
		}
	}
	got := prepQueryStrings(t, db, `SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'retort%' ORDER BY name`)
	if strings.Join(got, ",") != "retort_history,retort_progress,retort_version" {
		t.Fatalf("tables %v", got)
	}
}
