package cli

import (
	"errors"
	"strings"
	"testing"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/schema"
)

func TestAskRename(t *testing.T) {
	c := retort.RenameCandidate{Table: "users", Old: "name", New: "full_name", Column: &schema.Column{Name: "full_name", Type: "varchar(100)"}}
	tests := []struct {
		input   string
		answers []string // per question: "yes", "no" or "undecided"
	}{
		{"y\n", []string{"yes"}},
		{"YES\n", []string{"yes"}},
		{"\n", []string{"no"}},
		{"nope\n", []string{"no"}},
		{"y", []string{"yes"}}, // the last line without its newline
		{"n\ny\n", []string{"no", "yes"}},
		{"", []string{"undecided", "undecided"}},
		{"y\n", []string{"yes", "undecided"}},
	}
	for _, tt := range tests {
		var out strings.Builder
		ask := askRename(strings.NewReader(tt.input), &out)
		var got []string
		for range tt.answers {
			yes, err := ask(c)
			switch {
			case errors.Is(err, retort.ErrUndecided):
				got = append(got, "undecided")
			case err != nil:
				t.Fatal(err)
			case yes:
				got = append(got, "yes")
			default:
				got = append(got, "no")
			}
		}
		if strings.Join(got, ",") != strings.Join(tt.answers, ",") {
			t.Errorf("input %q: answers %v, want %v", tt.input, got, tt.answers)
		}
		if !strings.HasPrefix(out.String(), "Did you rename users.name to users.full_name (VARCHAR(100) NOT NULL)? [y/N] ") {
			t.Errorf("input %q: prompt %q", tt.input, out.String())
		}
	}
}
