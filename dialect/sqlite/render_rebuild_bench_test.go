package sqlite

import (
	"context"
	"database/sql"
	"os"
	"testing"
	"time"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/schema"
)

// rebuildBenchSchema is users <- notes (id, author_id, body of 40 bytes).
func rebuildBenchSchema() *schema.Schema {
	return &schema.Schema{Tables: []*schema.Table{
		{Name: "users", Columns: []*schema.Column{{Name: "id", Type: "INTEGER"}},
			PrimaryKey: &schema.PrimaryKey{Name: "users_pkey", Columns: []string{"id"}}},
		{Name: "notes", Columns: []*schema.Column{
			{Name: "id", Type: "INTEGER"}, {Name: "author_id", Type: "INTEGER"}, {Name: "body", Type: "TEXT"}},
			PrimaryKey: &schema.PrimaryKey{Name: "notes_pkey", Columns: []string{"id"}},
			ForeignKeys: []*schema.ForeignKey{{Name: "notes_author_id_fkey", Columns: []string{"author_id"},
				RefTable: "users", RefColumns: []string{"id"}}},
			Indexes: []*schema.Index{{Name: "notes_author_id_idx", Parts: []schema.IndexPart{{Column: "author_id"}}}}},
	}}
}

func rebuildBenchDB(b *testing.B, cur *schema.Schema) *sql.DB {
	db := rebuildOpenDB(b)
	if _, err := rebuildMigrate(b, db, &schema.Schema{}, rebuildCreateOps(cur)); err != nil {
		b.Fatal(err)
	}
	for _, s := range []string{
		`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000) INSERT INTO users SELECT i FROM n`,
		`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000)
		 INSERT INTO notes SELECT i, i % 1000 + 1, printf('note %035d', i) FROM n`,
	} {
		if _, err := db.Exec(s); err != nil {
			b.Fatal(err)
		}
	}
	return db
}

// BenchmarkRebuild1M times a foreign-key change on a 1,000,000-row table
// through Render and the plan, against the same statements run by a
// plain loop, and reports the ratio (target <= 1.15).
func BenchmarkRebuild1M(b *testing.B) {
	if os.Getenv("RETORT_BENCH_BIG") != "1" {
		b.Skip("set RETORT_BENCH_BIG=1 to run the 1M-row rebuild benchmark")
	}
	ctx := context.Background()
	var planTime, loopTime time.Duration
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		cur := rebuildBenchSchema()
		ops := []op.Op{
			op.DropForeignKey{Table: op.Ref{Name: "notes"}, FK: cur.Table("", "notes").ForeignKeys[0]},
			op.AddForeignKey{Table: op.Ref{Name: "notes"}, FK: &schema.ForeignKey{Name: "notes_author_id_fkey",
				Columns: []string{"author_id"}, RefTable: "users", RefColumns: []string{"id"}, OnDelete: "CASCADE"}},
		}
		db1, db2 := rebuildBenchDB(b, cur), rebuildBenchDB(b, cur)
		b.StartTimer()

		start := time.Now()
		stmts, err := Dialect{}.Render(ops, cur, dialect.RenderOptions{})
		if err != nil {
			b.Fatal(err)
		}
		if err := prepRun(ctx, db1, Dialect{}.Prepare(stmts)); err != nil {
			b.Fatal(err)
		}
		planTime += time.Since(start)

		start = time.Now()
		conn, err := db2.Conn(ctx)
		if err != nil {
			b.Fatal(err)
		}
		loop := append([]string{stmts[0], "BEGIN"}, stmts[1:len(stmts)-1]...)
		loop = append(loop, "COMMIT", stmts[len(stmts)-1])
		for _, s := range loop {
			if _, err := conn.ExecContext(ctx, s); err != nil {
				b.Fatalf("%s: %v", s, err)
			}
		}
		conn.Close()
		loopTime += time.Since(start)
		if n := prepQueryInt(b, db1, `SELECT count(*) FROM notes`); n != 1000000 {
			b.Fatalf("%d notes after rebuild", n)
		}
	}
	b.ReportMetric(planTime.Seconds()/float64(b.N), "plan-s/op")
	b.ReportMetric(loopTime.Seconds()/float64(b.N), "loop-s/op")
	b.ReportMetric(float64(planTime)/float64(loopTime), "ratio")
}
