package postgres

import (
	"testing"

	"github.com/retortdb/retort/sqlsplit"
)

func TestPgDoCode(t *testing.T) {
	cases := []struct{ stmt, want string }{
		{"DO $$ a $$", " a "},
		{"DO $x$ a $$ b $x$", " a $$ b "},
		{"DO 'it''s'", "it's"},
		{`DO 'a\nb'`, `a\nb`},
		{`DO E'a\nb\tc\'d\\e'`, "a\nb\tc'd\\e"},
		{`DO E'\101\x42\u0043\U00000044\x\q'`, "ABCDxq"},
		{`DO E'\0101'`, "\x081"},
		{"DO 'unterminated", "unterminated"},
	}
	for _, tc := range cases {
		got := pgDoCode(tc.stmt)
		if len(got) != 1 || got[0] != tc.want {
			t.Errorf("pgDoCode(%q) = %q, want [%q]", tc.stmt, got, tc.want)
		}
	}
	if got := pgStringValue(sqlsplit.Literal{Text: "$t$ x $t$"}); got != " x " {
		t.Errorf("pgStringValue = %q", got)
	}
}
