package dialecttest

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/diff"
	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/schema"
)

// schemaV1 and schemaV2 are the suite's schema before and after a change
// that adds, drops and indexes columns, the kinds of change every
// dialect renders its own way (SQLite rebuilds a table to drop a column).
var (
	schemaV1 = []*op.TableSpec{
		op.Table("users",
			op.Column("id", op.Integer).PrimaryKey().AutoIncrement(),
			op.Column("email", op.String(100)).NotNull().Unique(),
			op.Column("score", op.Integer).NotNull().Default("0"),
			op.Column("admin", op.Bool)),
		op.Table("notes",
			op.Column("id", op.BigInt).PrimaryKey(),
			op.Column("user_id", op.Integer).NotNull(),
			op.Column("body", op.Text),
			op.Column("price", op.Decimal(10, 2)),
			op.ForeignKey("", []string{"user_id"}, "users", []string{"id"}, op.FKOptions{OnDelete: schema.Cascade}),
			op.Index("", "user_id")),
	}
	schemaV2 = []*op.TableSpec{
		op.Table("users",
			op.Column("id", op.Integer).PrimaryKey().AutoIncrement(),
			op.Column("email", op.String(100)).NotNull().Unique(),
			op.Column("admin", op.Bool),
			op.Column("seen", op.Timestamp)),
		op.Table("notes",
			op.Column("id", op.BigInt).PrimaryKey(),
			op.Column("user_id", op.Integer).NotNull(),
			op.Column("body", op.Text),
			op.Column("price", op.Decimal(10, 2)),
			op.Column("title", op.String(50)),
			op.ForeignKey("", []string{"user_id"}, "users", []string{"id"}, op.FKOptions{OnDelete: schema.Cascade}),
			op.Index("", "user_id"),
			op.Index("", "title")),
	}
)

// RoundTrip migrates a fresh database the way retort does: each version
// of the suite's schema is made in another fresh database and reflected
// (the database's own spelling of it, as when a desired schema is
// loaded), the live database's schema is diffed against it, rendered,
// and run as Prepare arranges it. Reflect must then read back exactly
// that schema, and read it again alike. Along the way, a statement of a
// plan's body whose effect survives a ROLLBACK must be one that
// CommitsImplicitly, and, on a dialect with TransactionalDDL, one that
// makes its plan stepwise.
func RoundTrip(t *testing.T, tg Target) {
	d := tg.Dialect
	live, _ := open(t, tg)
	for i, version := range [][]*op.TableSpec{schemaV1, schemaV2} {
		want := spelled(t, tg, build(t, d, version...))
		migrate(t, d, live, want)
		got := reflect(t, d, live)
		if left := diffOps(t, d, got, want); len(left) > 0 {
			t.Fatalf("version %d: after running its statements the database still differs: %s", i+1, opsText(left))
		}
		if again := reflect(t, d, live); len(diffOps(t, d, again, got)) > 0 {
			t.Fatalf("version %d: a second Reflect reads something else", i+1)
		}
	}
}

// spelled is s as the database spells it: made in a fresh database of
// tg and reflected.
func spelled(t *testing.T, tg Target, s *schema.Schema) *schema.Schema {
	t.Helper()
	db, _ := open(t, tg)
	migrate(t, tg.Dialect, db, s)
	return reflect(t, tg.Dialect, db)
}

// migrate takes db's schema to want.
func migrate(t *testing.T, d dialect.Dialect, db *sql.DB, want *schema.Schema) {
	t.Helper()
	execute(t, d, db, render(t, d, reflect(t, d, db), want))
}

// Example loads the starter schema `retort init` writes (a server
// dialect's in a scratch database next to a fresh one), renders it into
// another fresh database and checks that it reflects alike.
func Example(t *testing.T, tg Target) {
	d := tg.Dialect
	ctx := context.Background()
	var target = tg.Fresh(t)
	if d.Capabilities().EmbeddedScratch {
		target = nil
	}
	_, schemaSQL := d.Example()
	want, err := d.LoadDesired(ctx, target, "", []dialect.SourceFile{{Name: "schema.sql", SQL: schemaSQL}})
	if err != nil {
		t.Fatalf("loading the Example schema failed: %v", err)
	}
	if len(want.Tables) == 0 {
		t.Fatal("the Example schema loads as no table")
	}
	db, _ := open(t, tg)
	execute(t, d, db, render(t, d, &schema.Schema{}, want))
	if left := diffOps(t, d, reflect(t, d, db), want); len(left) > 0 {
		t.Fatalf("the Example schema rendered and run differs from the one loaded: %s", opsText(left))
	}
}

// naming is the naming convention within the dialect's name limit, as a
// Migrator uses it.
func naming(d dialect.Dialect) schema.Naming {
	return schema.Naming{MaxLen: d.Capabilities().NameLimit, KeepUnnamedChecks: d.Capabilities().UnnamedChecks}
}

func build(t *testing.T, d dialect.Dialect, tables ...*op.TableSpec) *schema.Schema {
	t.Helper()
	s, err := op.BuildSchema(dialect.TypeFunc(d), naming(d), tables...)
	if err != nil {
		t.Fatalf("building the suite's schema: %v", err)
	}
	return s
}

func diffOps(t *testing.T, d dialect.Dialect, from, to *schema.Schema) []op.Op {
	t.Helper()
	opts := d.Capabilities().DiffOptions()
	opts.Naming, opts.NoRename = naming(d), true
	ops, err := diff.Schemas(from, to, opts)
	if err != nil {
		t.Fatalf("diff: %v", err)
	}
	return ops
}

// render returns the statements that take from to to.
func render(t *testing.T, d dialect.Dialect, from, to *schema.Schema) []string {
	t.Helper()
	stmts, err := d.Render(diffOps(t, d, from, to), from, dialect.RenderOptions{Naming: naming(d)})
	if err != nil {
		t.Fatalf("Render: %v", err)
	}
	return stmts
}

func reflect(t *testing.T, d dialect.Dialect, q dialect.Querier) *schema.Schema {
	t.Helper()
	s, err := d.Reflect(context.Background(), q)
	if err != nil {
		t.Fatalf("Reflect: %v", err)
	}
	return s
}

// execute runs stmts as Prepare arranges them on one connection, in the
// runner's order; a check that returns a row fails the test. Each body
// statement is first tried in a transaction that is rolled back, to see
// whether it commits on its own (see RoundTrip).
func execute(t *testing.T, d dialect.Dialect, db *sql.DB, stmts []string) {
	t.Helper()
	ctx := context.Background()
	conn, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	p := d.Prepare(stmts)
	run := func(s string) {
		t.Helper()
		if _, err := conn.ExecContext(ctx, s); err != nil {
			t.Fatalf("%s\n  failed: %s", s, d.DescribeError(err))
		}
	}
	for _, s := range p.Before {
		run(s)
	}
	for _, s := range p.Body {
		if !probeCommit(t, d, conn, s) {
			run(s)
		}
	}
	for _, q := range slices.Concat(p.PreChecks, p.Checks) {
		rows, err := conn.QueryContext(ctx, q)
		if err != nil {
			t.Fatalf("%s\n  failed: %s", q, d.DescribeError(err))
		}
		found := rows.Next()
		rows.Close()
		if found {
			t.Fatalf("check %s returned a row", q)
		}
	}
	for _, s := range slices.Concat(p.Deferred, p.After) {
		run(s)
	}
}

// probeCommit runs s in a transaction and rolls it back. If the schema
// changed all the same (then s is applied), or s refused the
// transaction, s commits on its own: CommitsImplicitly must say so, and
// with TransactionalDDL, s must make its plan stepwise, so the runner
// never puts it in a transaction.
func probeCommit(t *testing.T, d dialect.Dialect, conn *sql.Conn, s string) (applied bool) {
	t.Helper()
	ctx := context.Background()
	before := reflect(t, d, conn)
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	_, execErr := tx.ExecContext(ctx, s)
	if err := tx.Rollback(); err != nil && execErr == nil {
		execErr = err
	}
	applied = execErr == nil && len(diffOps(t, d, before, reflect(t, d, conn))) > 0
	if !applied && execErr == nil {
		return false
	}
	if !d.CommitsImplicitly(s) {
		t.Errorf("%q commits on its own (or refuses a transaction: %v), yet CommitsImplicitly says false", s, execErr)
	}
	if d.Capabilities().TransactionalDDL && !d.Prepare([]string{s}).NoTransaction {
		t.Errorf("%q commits on its own (or refuses a transaction: %v), yet its plan is not stepwise", s, execErr)
	}
	return applied
}

func opsText(ops []op.Op) string {
	var b strings.Builder
	for _, o := range ops {
		fmt.Fprintf(&b, "\n  %s", o)
	}
	return b.String()
}
