package postgres

import (
	"net/url"
	"testing"

	"github.com/retortdb/retort/dialect/dialecttest"
	"github.com/retortdb/retort/internal/testdb"
)

// TestOpenErrorsHidePasswords checks that connect and configuration
// errors carry no form of the password, and that a short password does
// not mask letters all over the message.
func TestOpenErrorsHidePasswords(t *testing.T) {
	srv := testdb.Postgres(t)
	refused := "127.0.0.1:1"
	tests := []dialecttest.PasswordCase{
		{Name: "short password leaves the text alone",
			URL: "postgres://u:a@" + refused + "/database?sslmode=disable&connect_timeout=5", Secret: "",
			Want: []string{"connect to postgres://u:xxxxx@127.0.0.1:1/database?", "failed to connect to `user=u database=database`", "dial error"}},
		{Name: "password in the query",
			URL: "postgres://u@" + refused + "/db?password=Kx7pw%2Fq&sslmode=disable&connect_timeout=5", Secret: "Kx7pw",
			Want: []string{"connect to postgres://u@127.0.0.1:1/db?password=xxxxx&sslmode=disable"}},
		{Name: "sslpassword in a URL pgx refuses",
			URL: "postgres://u:Kx7pw@h/db?sslpassword=Kx7ssl&sslmode=bogus", Secret: "Kx7",
			Want: []string{"is invalid", "sslpassword=xxxxx"}},
		{Name: "password quoted back by the real server",
			URL: "postgres://" + srv.User.Username() + ":Kx7pw@" + srv.Host + "/Kx7pw?sslmode=disable", Secret: "Kx7pw",
			Want: []string{`database "xxxxx" does not exist`}},
	}
	dialecttest.OpenHidesPasswords(t, Dialect{}, tests)
}

// TestConfigKeepsPercentEncodedPassword checks that the redaction does
// not change what pgx is given: the decoded password reaches the server.
func TestConfigKeepsPercentEncodedPassword(t *testing.T) {
	u, err := url.Parse("postgres://u:p%40ss%2Fw%20x@h/db")
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := Config(u)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Password != "p@ss/w x" {
		t.Errorf("password = %q, want %q", cfg.Password, "p@ss/w x")
	}
}

func TestLoadDesiredMalformedDevURLHidesPassword(t *testing.T) {
	dialecttest.DevURLHidesPassword(t, Dialect{}, "postgres://u:Kx7 Zq8@h/db", "not a postgres://host/db URL")
}
