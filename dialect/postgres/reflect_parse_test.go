package postgres

import (
	"strings"
	"testing"
)

func TestReflCheckExpr(t *testing.T) {
	for _, tc := range []struct{ def, want string }{
		{"CHECK ((a > 0))", "a > 0"},
		{"CHECK (a > 0)", "a > 0"},
		{"CHECK ((a > 0)) NOT VALID", "a > 0"},
		{"CHECK (a > 0) NO INHERIT", "a > 0"},
		{"CHECK ((a > 0) AND (b > 0))", "(a > 0) AND (b > 0)"},
		{"CHECK ((a)::text <> ')'::text)", "(a)::text <> ')'::text"},
		{`CHECK ("we(ird" > 0)`, `"we(ird" > 0`},
		{"CHECK (s <> 'it''s (')", "s <> 'it''s ('"},
	} {
		if got := reflCheckExpr(tc.def); got != tc.want {
			t.Errorf("reflCheckExpr(%q) = %q, want %q", tc.def, got, tc.want)
		}
	}
}

func TestReflStripParens(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"(a)", "a"},
		{"((a + b))", "a + b"},
		{"(a) + (b)", "(a) + (b)"},
		{" ( x ) ", "x"},
		{"('(')", "'('"},
		{"(", "("},
		{"(')", "(')"},
		{"", ""},
	} {
		if got := reflStripParens(tc.in); got != tc.want {
			t.Errorf("reflStripParens(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// FuzzStripParens: the result is a piece of the input, stripping it again
// changes nothing, and only a leading "(" with its partner at the very end
// is ever removed.
func FuzzStripParens(f *testing.F) {
	for _, s := range []string{"(a)", "((a) + (b))", "('x)' || \")\")", "(", ")(", "(()", "'(')"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := reflStripParens(s)
		if !strings.Contains(s, out) {
			t.Fatalf("%q is not part of %q", out, s)
		}
		if again := reflStripParens(out); again != out {
			t.Fatalf("not idempotent: %q -> %q -> %q", s, out, again)
		}
		if tr := strings.TrimSpace(s); out != tr {
			if tr[0] != '(' || tr[len(tr)-1] != ')' || reflMatchingParen(tr, 0) != len(tr)-1 {
				t.Fatalf("%q stripped to %q though not wrapped", s, out)
			}
		}
	})
}
