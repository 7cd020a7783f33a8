package mysql

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"net/url"
	"strings"
	"testing"

	"github.com/go-sql-driver/mysql"

	"github.com/retortdb/retort/internal/testdb"
)

// TestBatchConnector checks that the multi-statement connector comes
// from the pool itself: only a pool Open made has one, it reaches that
// pool's own database, and the pool's connections still take one
// statement at a time.
func TestBatchConnector(t *testing.T) {
	ctx := context.Background()
	_, u1 := freshDB(t)
	_, u2 := freshDB(t)
	open := func(t *testing.T, u *url.URL) *sql.DB {
		db, err := Dialect{}.Open(ctx, u)
		if err != nil {
			t.Fatal(err)
		}
		return db
	}
	byDriver := func(t *testing.T, u *url.URL) *sql.DB {
		db, err := sql.Open("mysql", testdb.MySQLDSN(u))
		if err != nil {
			t.Fatal(err)
		}
		return db
	}
	byConnector := func(t *testing.T, u *url.URL) *sql.DB {
		cfg, err := Config(u)
		if err != nil {
			t.Fatal(err)
		}
		c, err := mysql.NewConnector(cfg)
		if err != nil {
			t.Fatal(err)
		}
		return sql.OpenDB(c)
	}
	cases := []struct {
		name  string
		open  func(*testing.T, *url.URL) *sql.DB
		u     *url.URL
		batch bool
	}{
		{"Open, first database", open, u1, true},
		{"Open, second database", open, u2, true},
		{"sql.Open", byDriver, u1, false},
		{"sql.OpenDB with the driver's connector", byConnector, u1, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			pool := tc.open(t, tc.u)
			defer pool.Close()
			c := batchConnector(pool)
			if (c != nil) != tc.batch {
				t.Fatalf("batchConnector = %v, want one: %v", c, tc.batch)
			}
			if _, err := pool.ExecContext(ctx, "DO 1; DO 2"); err == nil {
				t.Error("the pool ran two statements in one call; they must fail alone")
			}
			if c == nil {
				return
			}
			if got := batchDatabases(t, c); got != strings.TrimPrefix(tc.u.Path, "/")+" "+strings.TrimPrefix(tc.u.Path, "/") {
				t.Errorf("the batch connection answered %q, want the pool's database twice", got)
			}
		})
	}
}

// batchDatabases asks DATABASE() twice in one round trip on c.
func batchDatabases(t *testing.T, c driver.Connector) string {
	t.Helper()
	db := sql.OpenDB(c)
	defer db.Close()
	rows, err := db.Query("SELECT DATABASE(); SELECT DATABASE()")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var got []string
	for more := true; more; more = rows.NextResultSet() {
		for rows.Next() {
			var s string
			if err := rows.Scan(&s); err != nil {
				t.Fatal(err)
			}
			got = append(got, s)
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return strings.Join(got, " ")
}
