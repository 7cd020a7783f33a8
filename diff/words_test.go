package diff

import (
	"sort"
	"strings"
	"testing"
	"unicode"
)

func isIdent(r rune) bool { return r == '_' || r == '$' || unicode.IsLetter(r) || unicode.IsDigit(r) }

func TestWords(t *testing.T) {
	for def, want := range map[string]string{
		"SELECT n.id FROM public.Notes n JOIN \"active\" a": "a active from id join n notes public select",
		"select 1":          "1 select",
		"":                  "",
		"x$y_z+été":         "x$y_z été",
		"`users`.id,v2/v10": "id users v10 v2",
	} {
		var got []string
		for w := range words(def) {
			got = append(got, w)
		}
		sort.Strings(got)
		if strings.Join(got, " ") != want {
			t.Errorf("words(%q) = %q, want %q", def, strings.Join(got, " "), want)
		}
	}
}

// FuzzWords checks the tokenizer against strings.FieldsFunc.
func FuzzWords(f *testing.F) {
	for _, s := range []string{"SELECT a FROM b", "x.y", "\"q\"", "İstanbul", "a\x00b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, def string) {
		got := words(def)
		want := map[string]bool{}
		for _, w := range strings.FieldsFunc(def, func(r rune) bool { return !isIdent(r) }) {
			want[strings.ToLower(w)] = true
		}
		if len(got) != len(want) {
			t.Fatalf("words(%q) = %v, want %v", def, got, want)
		}
		for w := range want {
			if !got[w] {
				t.Fatalf("words(%q) lacks %q", def, w)
			}
		}
	})
}
