package postgres

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/schematest"
)

// loadWatchBatches caps the lock budget and records what loads did.
func loadWatchBatches(t *testing.T, budget float64) (batches *int, peak *float64) {
	batches, peak = new(int), new(float64)
	origBudget, origHook := loadLockBudgetOf, loadBatchesHook
	if budget > 0 {
		loadLockBudgetOf = func(context.Context, dialect.Querier) (float64, error) { return budget, nil }
	}
	loadBatchesHook = func(n int, p float64) { *batches, *peak = n, p }
	t.Cleanup(func() { loadLockBudgetOf, loadBatchesHook = origBudget, origHook })
	return batches, peak
}

// A load runs in transactions that each stay under the lock budget, and
// what a transaction cannot run, or a refusal, still behaves as when
// every statement ran alone: the statement loads, or the error names its
// file and line.
func TestLoadDesiredBatched(t *testing.T) {
	_, u := reflFresh(t, "")
	many := schematest.AppTablesSQL(60)
	cases := []struct {
		name       string
		files      []dialect.SourceFile
		minBatches int
		tables     int
		wantErr    []string
	}{
		{name: "many batches", files: []dialect.SourceFile{{Name: "s.sql", SQL: many}}, minBatches: 3, tables: 60},
		{name: "concurrent index, not allowed in a transaction", files: []dialect.SourceFile{{Name: "s.sql", SQL: many + "CREATE INDEX CONCURRENTLY t0001_qty ON t0001 (qty);\n"}}, tables: 60},
		{name: "new enum value used in the same transaction", files: []dialect.SourceFile{{Name: "e.sql", SQL: "CREATE TYPE mood AS ENUM ('sad');\nALTER TYPE mood ADD VALUE 'happy';\nCREATE TABLE m (x mood DEFAULT 'happy');\n"}}, tables: 1},
		{name: "refusal in a later batch", files: []dialect.SourceFile{{Name: "s.sql", SQL: many}, {Name: "db/bad.sql", SQL: "CREATE TABLE ok (id int);\n\nCREATE TABLE bad (id int REFERENCES nowhere (id));\nCREATE TABLE after (id int);\n"}},
			wantErr: []string{"db/bad.sql:3: ", `relation "nowhere" does not exist`, "CREATE TABLE bad"}},
	}
	const budget = 400
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			batches, peak := loadWatchBatches(t, budget)
			s, err := Dialect{}.LoadDesired(context.Background(), u, "", tc.files)
			if len(tc.wantErr) > 0 {
				if err == nil {
					t.Fatalf("want an error containing %q, got none", tc.wantErr)
				}
				for _, w := range tc.wantErr {
					if !strings.Contains(err.Error(), w) {
						t.Errorf("error %q lacks %q", err, w)
					}
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(s.Tables) != tc.tables {
				t.Errorf("loaded %d tables, want %d", len(s.Tables), tc.tables)
			}
			if *batches < tc.minBatches {
				t.Errorf("committed %d transactions, want at least %d", *batches, tc.minBatches)
			}
			if *peak > budget {
				t.Errorf("a transaction held %.0f locks, over the budget of %d", *peak, budget)
			}
		})
	}
}

// The server's real lock table: 5000 tables load at default settings,
// where one transaction runs out of shared memory. About a minute on an
// idle machine; RETORT_BENCH_BIG=1 runs it.
func TestLoadDesired5000Tables(t *testing.T) {
	if os.Getenv("RETORT_BENCH_BIG") != "1" {
		t.Skip("set RETORT_BENCH_BIG=1 to load 5000 tables")
	}
	_, u := reflFresh(t, "")
	batches, peak := loadWatchBatches(t, 0)
	s, err := Dialect{}.LoadDesired(context.Background(), u, "", []dialect.SourceFile{{Name: "s.sql", SQL: schematest.AppTablesSQL(5000)}})
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Tables) != 5000 {
		t.Fatalf("loaded %d tables, want 5000", len(s.Tables))
	}
	t.Logf("%d transactions, at most %.0f locks held", *batches, *peak)
}
