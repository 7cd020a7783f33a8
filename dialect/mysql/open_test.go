package mysql

import (
	"context"
	"strings"
	"testing"

	"github.com/retortdb/retort/dialect"
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

	tests := []struct {
		name, url, secret string
		want              []string
	}{
		{"short password leaves the text alone",
			"mysql://nosuchuser:a@" + u.Host + u.Path, "",
			[]string{"connect to mysql://nosuchuser:xxxxx@" + u.Host, "Access denied for user 'nosuchuser'@", "(using password: YES)"}},
		{"password quoted back by the server",
			"mysql://" + user + ":Kx7pw@" + u.Host + "/Kx7pw", "Kx7pw",
			[]string{"connect to mysql://" + user + ":xxxxx@" + u.Host + "/xxxxx", "to database 'xxxxx'"}},
		{"reserved characters, percent-encoded",
			"mysql://nosuchuser:Kx7%40pw%2F%3F%23@" + u.Host + u.Path, "Kx7",
			[]string{"Access denied for user 'nosuchuser'@"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pu, _, err := dialect.ParseURL(tt.url)
			if err != nil {
				t.Fatal(err)
			}
			db, err := Dialect{}.Open(context.Background(), pu)
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

func TestLoadDesiredMalformedDevURLHidesPassword(t *testing.T) {
	_, err := Dialect{}.LoadDesired(context.Background(), nil, "mysql://u:Kx7 Zq8@h/db", nil)
	if err == nil || !strings.Contains(err.Error(), "malformed") {
		t.Fatalf("want a malformed dev URL error, got %v", err)
	}
	if strings.Contains(err.Error(), "Kx7") || strings.Contains(err.Error(), "Zq8") {
		t.Errorf("error shows the password: %v", err)
	}
}
