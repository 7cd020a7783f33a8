package mysql

import (
	"strings"
	"testing"

	"github.com/retortdb/retort/dialect/dialecttest"
	"github.com/retortdb/retort/internal/schematest"
)

// TestOpenErrorsHidePasswords checks that connect errors carry no form of
// the password, also where the server quotes it back, and that a short
// password does not mask letters all over the message.
func TestOpenErrorsHidePasswords(t *testing.T) {
	admin, u := freshDB(t)
	// A user whose password is also the name of a database it may not
	// use: the server's refusal quotes that name.
	user := "rt_" + strings.TrimPrefix(strings.TrimPrefix(u.Path, "/"), "retort_t_")
	schematest.Exec(t, admin, "CREATE USER '"+user+"'@'%' IDENTIFIED BY 'Kx7pw'")
	t.Cleanup(func() { _, _ = admin.Exec("DROP USER IF EXISTS '" + user + "'@'%'") })

	tests := []dialecttest.PasswordCase{
		{Name: "short password leaves the text alone",
			URL: "mysql://nosuchuser:a@" + u.Host + u.Path, Secret: "",
			Want: []string{"connect to mysql://nosuchuser:xxxxx@" + u.Host, "Access denied for user 'nosuchuser'@", "(using password: YES)"}},
		{Name: "password quoted back by the server",
			URL: "mysql://" + user + ":Kx7pw@" + u.Host + "/Kx7pw", Secret: "Kx7pw",
			Want: []string{"connect to mysql://" + user + ":xxxxx@" + u.Host + "/xxxxx", "to database 'xxxxx'"}},
		{Name: "reserved characters, percent-encoded",
			URL: "mysql://nosuchuser:Kx7%40pw%2F%3F%23@" + u.Host + u.Path, Secret: "Kx7",
			Want: []string{"Access denied for user 'nosuchuser'@"}},
	}
	dialecttest.OpenHidesPasswords(t, Dialect{}, tests)
}

func TestLoadDesiredMalformedDevURLHidesPassword(t *testing.T) {
	dialecttest.DevURLHidesPassword(t, Dialect{}, "mysql://u:Kx7 Zq8@h/db", "malformed")
}
