package postgres

import (
	"context"
	"slices"
	"testing"

	"github.com/jackc/pgx/v5/pgtype"
)

func TestParseTextArray(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
		err  bool
	}{
		{in: "{}", want: []string{}},
		{in: "{a}", want: []string{"a"}},
		{in: "{a,b,c}", want: []string{"a", "b", "c"}},
		{in: `{"",a}`, want: []string{"", "a"}},
		{in: `{"a b","c,d","e\"f","g\\h","{i}","NULL"}`, want: []string{"a b", "c,d", `e"f`, `g\h`, "{i}", "NULL"}},
		{in: `{"x"}`, want: []string{"x"}},
		{in: "{é,日本}", want: []string{"é", "日本"}},
		{in: "{NULL}", err: true},
		{in: "{a,NULL}", err: true},
		{in: "{{a},{b}}", err: true},
		{in: "[0:1]={a,b}", err: true},
		{in: `{"a}`, err: true},
		{in: `{"a"b}`, err: true},
		{in: "{a,}", err: true},
		{in: "a", err: true},
		{in: "", err: true},
	} {
		got, err := parseTextArray(tc.in)
		if tc.err {
			if err == nil {
				t.Errorf("parseTextArray(%q) = %q, want an error", tc.in, got)
			}
			continue
		}
		if err != nil || !slices.Equal(got, tc.want) || got == nil {
			t.Errorf("parseTextArray(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
}

// TestTextArrayServer scans arrays the server wrote, with the names
// quoting is hardest for, and compares with pgx's scanner.
func TestTextArrayServer(t *testing.T) {
	db, _ := reflFresh(t, "")
	want := []string{"plain", "with space", "comma,in", `quote"in`, `back\slash`, "{brace}", "NULL", "null", "", " lead", "tab\tin", "new\nline", "ünï", "Mixed_Case1"}
	r, m := &reflector{}, pgtype.NewMap()
	for _, in := range [][]string{want, {}, {"one"}} {
		var got, viaPgx []string
		if err := db.QueryRowContext(context.Background(), "SELECT $1::text[], $1::text[]", in).Scan(r.names(&got), m.SQLScanner(&viaPgx)); err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, in) || !slices.Equal(got, viaPgx) {
			t.Errorf("scanned %q, pgx %q; want %q", got, viaPgx, in)
		}
	}
	var ints, intsPgx []int64
	if err := db.QueryRowContext(context.Background(), "SELECT ARRAY[1, -2, 9223372036854775807]::bigint[], ARRAY[1, -2, 9223372036854775807]::bigint[]").Scan(int64Array{&ints}, m.SQLScanner(&intsPgx)); err != nil || !slices.Equal(ints, intsPgx) || len(ints) != 3 {
		t.Errorf("bigint array scanned as %v, pgx %v, %v", ints, intsPgx, err)
	}
	null := []string{"x"}
	if err := db.QueryRowContext(context.Background(), "SELECT NULL::text[]").Scan(r.names(&null)); err != nil || null != nil {
		t.Errorf("NULL scanned as %q, %v; want nil", null, err)
	}
	ints = []int64{1}
	if err := db.QueryRowContext(context.Background(), "SELECT NULL::bigint[]").Scan(int64Array{&ints}); err != nil || ints != nil {
		t.Errorf("NULL bigint array scanned as %v, %v; want nil", ints, err)
	}
}
