package mysql

import (
	"errors"
	"fmt"
	"testing"

	"github.com/go-sql-driver/mysql"
)

// The server's own message with its number and SQLSTATE, the same for
// schema-load and migration errors; missing tables by number.
func TestErrorRole(t *testing.T) {
	state := func(s string) (b [5]byte) { copy(b[:], s); return b }
	cases := []struct {
		err              error
		describe         string
		missing, refused bool
	}{
		{&mysql.MySQLError{Number: 1146, SQLState: state("42S02"), Message: "Table 'db.t' doesn't exist"},
			"Table 'db.t' doesn't exist (error 1146, SQLSTATE 42S02)", true, true},
		{fmt.Errorf("reading retort_version failed: %w", &mysql.MySQLError{Number: 1051, SQLState: state("42S02"), Message: "Unknown table 'db.t'"}),
			"Unknown table 'db.t' (error 1051, SQLSTATE 42S02)", true, true},
		{&mysql.MySQLError{Number: 1064, SQLState: state("42000"), Message: "You have an error in your SQL syntax"},
			"You have an error in your SQL syntax (error 1064, SQLSTATE 42000)", false, true},
		{&mysql.MySQLError{Number: 1205, Message: "Lock wait timeout exceeded"},
			"Lock wait timeout exceeded (error 1205)", false, true},
		{mysql.ErrInvalidConn, mysql.ErrInvalidConn.Error(), false, false},
		{errors.New("Table 'db.t' doesn't exist"), "Table 'db.t' doesn't exist", false, false},
	}
	d := Dialect{}
	for _, c := range cases {
		if got := d.DescribeError(c.err); got != c.describe {
			t.Errorf("DescribeError(%v) = %q, want %q", c.err, got, c.describe)
		}
		if got := d.MissingTable(c.err); got != c.missing {
			t.Errorf("MissingTable(%v) = %v, want %v", c.err, got, c.missing)
		}
		if got := d.Rejected(c.err); got != c.refused {
			t.Errorf("Rejected(%v) = %v, want %v", c.err, got, c.refused)
		}
	}
}
