package postgres

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/testdb"
)

// The server's hint, which pgx's Error() leaves out, reaches the user.
func TestDescribeErrorKeepsHint(t *testing.T) {
	db, err := Dialect{}.Open(context.Background(), testdb.Postgres(t))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	_, err = db.Exec("SELECT no_such_function(1)")
	if err == nil {
		t.Fatal("no error")
	}
	got := Dialect{}.DescribeError(err)
	for _, want := range []string{"function no_such_function(integer) does not exist (SQLSTATE 42883)", "\n  hint: No function matches"} {
		if !strings.Contains(got, want) {
			t.Errorf("DescribeError = %q, lacks %q", got, want)
		}
	}
	if plain := (Dialect{}).DescribeError(errors.New("x")); plain != "x" {
		t.Errorf("non-server error described as %q", plain)
	}
}
