package mysql

import (
	"context"
	"testing"

	"github.com/retortdb/retort/internal/schematest"
)

func TestRowEstimates(t *testing.T) {
	db, _ := freshDB(t)
	schematest.Exec(t, db,
		"CREATE TABLE big (id INT PRIMARY KEY)",
		"INSERT INTO big SELECT seq FROM seq_1_to_5000", // MariaDB's sequence engine
		"ANALYZE TABLE big",
		"CREATE TABLE fresh (id INT)",
		"CREATE VIEW v AS SELECT id FROM big",
	)
	got, err := Dialect{}.RowEstimates(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	// InnoDB samples: the estimate is near, not equal.
	if n := got["big"]; n < 4000 || n > 6000 {
		t.Errorf("estimate[big] = %d, want about 5000 (all: %v)", n, got)
	}
	if n, ok := got["fresh"]; !ok || n != 0 {
		t.Errorf("estimate[fresh] = %d, %v; want 0, true", n, ok)
	}
	if _, ok := got["v"]; ok {
		t.Error("a view has an estimate")
	}
}
