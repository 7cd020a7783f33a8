package postgres

import (
	"context"
	"testing"

	"github.com/retortdb/retort/internal/schematest"
)

func TestRowEstimates(t *testing.T) {
	db, _ := reflFresh(t, "app,public")
	schematest.Exec(t, db,
		"CREATE TABLE big (id int)",
		"INSERT INTO big SELECT generate_series(1, 5000)",
		"ANALYZE big",
		"CREATE TABLE public.fresh (id int)",
		"CREATE TABLE retort_version (revision text)",
	)
	got, err := Dialect{}.RowEstimates(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int64{"big": 5000, "app.big": 5000, "fresh": 0, "public.fresh": 0}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("estimate[%q] = %d, want %d (all: %v)", k, got[k], v, got)
		}
	}
	if _, ok := got["nonexistent"]; ok {
		t.Error("unknown table has an estimate")
	}
}
