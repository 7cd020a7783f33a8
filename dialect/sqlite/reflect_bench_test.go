package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"testing"
)

// reflBenchSchema creates n tables, each with ~6 columns, a primary key,
// one or two foreign keys, an index, a unique constraint and a check.
func reflBenchSchema(tb testing.TB, db *sql.DB, n int) {
	tb.Helper()
	var b strings.Builder
	b.WriteString("BEGIN;")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, `CREATE TABLE t%d (
			id INTEGER PRIMARY KEY,
			code TEXT NOT NULL,
			amount NUMERIC DEFAULT 0 CHECK (amount >= 0),
			created TEXT DEFAULT CURRENT_TIMESTAMP,
			p1 INT REFERENCES t%d (id) ON DELETE CASCADE,
			p2 INT,
			CONSTRAINT t%d_code_key UNIQUE (code, p2)`, i, max(i-1, 0), i)
		if i%2 == 0 {
			fmt.Fprintf(&b, `, CONSTRAINT t%d_p2_fkey FOREIGN KEY (p2) REFERENCES t%d (id) DEFERRABLE INITIALLY DEFERRED`, i, max(i-2, 0))
		}
		fmt.Fprintf(&b, ");\nCREATE INDEX t%d_p1_idx ON t%d (p1, created DESC);\n", i, i)
	}
	b.WriteString("COMMIT;")
	if _, err := db.Exec(b.String()); err != nil {
		tb.Fatal(err)
	}
}

func benchmarkReflect(b *testing.B, n int) {
	db := reflOpenMemory(b)
	reflBenchSchema(b, db, n)
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s, err := Dialect{}.Reflect(ctx, db)
		if err != nil {
			b.Fatal(err)
		}
		if len(s.Tables) != n {
			b.Fatalf("reflected %d tables, want %d", len(s.Tables), n)
		}
	}
}

func BenchmarkReflect500(b *testing.B)  { benchmarkReflect(b, 500) }
func BenchmarkReflect2000(b *testing.B) { benchmarkReflect(b, 2000) }

// TestReflectBenchSchema checks the benchmark schema reflects completely,
// so the benchmark measures the real work.
func TestReflectBenchSchema(t *testing.T) {
	db := reflOpenMemory(t)
	reflBenchSchema(t, db, 10)
	s, err := Dialect{}.Reflect(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	tb := s.Table("", "t4")
	if len(tb.Columns) != 6 || tb.PrimaryKey == nil || len(tb.ForeignKeys) != 2 || len(tb.Indexes) != 1 ||
		len(tb.Uniques) != 1 || tb.Uniques[0].Name != "t4_code_key" || len(tb.Checks) != 1 ||
		tb.ForeignKeys[1].Name != "t4_p2_fkey" || !tb.ForeignKeys[1].InitiallyDeferred {
		t.Errorf("t4 = %s", reflJSON(tb))
	}
}

// reflCountingQuerier counts the statements reflection sends.
type reflCountingQuerier struct {
	*sql.DB
	n int
}

func (q *reflCountingQuerier) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	q.n++
	return q.DB.QueryContext(ctx, query, args...)
}

func (q *reflCountingQuerier) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	q.n++
	return q.DB.QueryRowContext(ctx, query, args...)
}

// The number of queries must not grow with the number of tables.
func TestReflectQueryCountIsConstant(t *testing.T) {
	counts := map[int]int{}
	for _, n := range []int{1, 40} {
		db := reflOpenMemory(t)
		reflBenchSchema(t, db, n)
		q := &reflCountingQuerier{DB: db}
		s, err := Dialect{}.Reflect(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		if len(s.Tables) != n {
			t.Fatalf("%d tables reflected, want %d", len(s.Tables), n)
		}
		counts[n] = q.n
	}
	if counts[1] != counts[40] || counts[1] > 6 {
		t.Errorf("queries for 1 table: %d, for 40 tables: %d; want the same few", counts[1], counts[40])
	}
}
