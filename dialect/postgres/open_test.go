package postgres

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/testdb"
)

// TestOpenErrorsHidePasswords checks that connect and configuration
// errors carry no form of the password, and that a short password does
// not mask letters all over the message.
func TestOpenErrorsHidePasswords(t *testing.T) {
	srv := testdb.Postgres(t)
	refused := "127.0.0.1:1"
	tests := []struct {
		name, url, secret string
		want              []string
	}{
		{"short password leaves the text alone",
			"postgres://u:a@" + refused + "/database?sslmode=disable&connect_timeout=5", "",
			[]string{"connect to postgres://u:xxxxx@127.0.0.1:1/database?", "failed to connect to `user=u database=database`", "dial error"}},
		{"password in the query",
			"postgres://u@" + refused + "/db?password=Kx7pw%2Fq&sslmode=disable&connect_timeout=5", "Kx7pw",
			[]string{"connect to postgres://u@127.0.0.1:1/db?password=xxxxx&sslmode=disable"}},
		{"sslpassword in a URL pgx refuses",
			"postgres://u:Kx7pw@h/db?sslpassword=Kx7ssl&sslmode=bogus", "Kx7",
			[]string{"is invalid", "sslpassword=xxxxx"}},
		{"password quoted back by the real server",
			"postgres://" + srv.User.Username() + ":Kx7pw@" + srv.Host + "/Kx7pw?sslmode=disable", "Kx7pw",
			[]string{`database "xxxxx" does not exist`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, _, err := dialect.ParseURL(tt.url)
			if err != nil {
				t.Fatal(err)
			}
			db, err := Dialect{}.Open(context.Background(), u)
			if err == nil {
				db.Close()
				t.Fatal("Open succeeded, want an error")
			}
			msg := err.Error()
			if tt.secret != "" && strings.Contains(strings.ToLower(msg), strings.ToLower(tt.secret)) {
				t.Errorf("error shows the password %q: %s", tt.secret, msg)
			}
			for _, w := range tt.want {
				if !strings.Contains(msg, w) {
					t.Errorf("error lacks %q: %s", w, msg)
				}
			}
		})
	}
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
	_, err := Dialect{}.LoadDesired(context.Background(), nil, "postgres://u:Kx7 Zq8@h/db", nil)
	if err == nil || !strings.Contains(err.Error(), "not a postgres://host/db URL") {
		t.Fatalf("want a bad dev URL error, got %v", err)
	}
	if strings.Contains(err.Error(), "Kx7") || strings.Contains(err.Error(), "Zq8") {
		t.Errorf("error shows the password: %v", err)
	}
}
