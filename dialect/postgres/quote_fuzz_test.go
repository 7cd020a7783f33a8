package postgres

import (
	"strings"
	"testing"
)

// FuzzQuote: an identifier left bare is one PostgreSQL reads back as
// itself (lower case, no keyword); a quoted one unquotes to the input.
func FuzzQuote(f *testing.F) {
	for _, s := range []string{"users", "User", "order", "a\"b", "", "1x", "x$1", "ä"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q := quote(s)
		if q == s {
			if s == "" || keywords[s] || s != strings.ToLower(s) || strings.ContainsAny(s[:1], "0123456789$") {
				t.Fatalf("%q left bare", s)
			}
			for _, r := range s {
				if !(r == '_' || r == '$' || (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9')) {
					t.Fatalf("%q left bare with %q", s, r)
				}
			}
			return
		}
		if len(q) < 2 || q[0] != '"' || q[len(q)-1] != '"' {
			t.Fatalf("quote(%q) = %s", s, q)
		}
		if got := strings.ReplaceAll(q[1:len(q)-1], `""`, `"`); got != s {
			t.Fatalf("quote(%q) = %s unquotes to %q", s, q, got)
		}
	})
}
