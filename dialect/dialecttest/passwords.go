package dialecttest

import (
	"context"
	"strings"
	"testing"

	"github.com/retortdb/retort/dialect"
)

// PasswordCase is a URL that d.Open refuses. The error must hold no form
// of Secret ("" when the password is too short to look for) and each of
// Want.
type PasswordCase struct {
	Name, URL, Secret string
	Want              []string
}

// OpenHidesPasswords checks the error of d.Open for each case.
func OpenHidesPasswords(t *testing.T, d dialect.Dialect, cases []PasswordCase) {
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			u, _, err := dialect.ParseURL(tc.URL)
			if err != nil {
				t.Fatal(err)
			}
			db, err := d.Open(context.Background(), u)
			if err == nil {
				db.Close()
				t.Fatal("Open succeeded, want an error")
			}
			msg := err.Error()
			if tc.Secret != "" && strings.Contains(strings.ToLower(msg), strings.ToLower(tc.Secret)) {
				t.Errorf("error shows the password %q: %s", tc.Secret, msg)
			}
			for _, w := range tc.Want {
				if !strings.Contains(msg, w) {
					t.Errorf("error lacks %q: %s", w, msg)
				}
			}
		})
	}
}

// DevURLHidesPassword checks that d.LoadDesired refuses devURL, whose
// password is "Kx7 Zq8", with an error holding want and neither half of
// the password.
func DevURLHidesPassword(t *testing.T, d dialect.Dialect, devURL, want string) {
	_, err := d.LoadDesired(context.Background(), nil, devURL, nil)
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("want an error saying %q, got %v", want, err)
	}
	if strings.Contains(err.Error(), "Kx7") || strings.Contains(err.Error(), "Zq8") {
		t.Errorf("error shows the password: %v", err)
	}
}
