package diff

import (
	"strings"
	"testing"

	"github.com/retortdb/retort/schema"
)

func TestUnmanaged(t *testing.T) {
	ex := schema.Object{Kind: "exclusion constraint", Name: "ex1", Table: "e", Definition: "EXCLUDE USING gist (c WITH &&)"}
	seq := schema.Object{Kind: "sequence", Schema: "app", Name: "s", Definition: "bigint 1 1"}
	opts := schema.Object{Kind: "index options", Name: "ix", Table: "t", Definition: "INCLUDE (b)"}
	optsLive := opts
	optsLive.Definition = "INCLUDE (c)"
	invalid := schema.Object{Kind: "index options", Name: "t_code_key", Table: "t", Definition: "INVALID"}
	long := strings.Repeat("x", 200)
	fn := schema.Object{Kind: "function", Name: "f()", Definition: long + " RETURN 1 " + long}
	fnLive := fn
	fnLive.Definition = long + " RETURN 2 " + long
	cases := []struct {
		name          string
		live, desired []schema.Object
		want          []string
	}{
		{"nothing", nil, nil, nil},
		{"same on both sides", []schema.Object{ex, seq}, []schema.Object{seq, ex}, nil},
		{"desired only", nil, []schema.Object{ex},
			[]string{"exclusion constraint ex1 on e (present in desired schema, absent from database)"}},
		{"database only", []schema.Object{seq}, nil,
			[]string{"sequence app.s (present in database, absent from desired schema)"}},
		{"options the database has alone", []schema.Object{invalid}, nil,
			[]string{`index options t_code_key on t (database has "INVALID", desired schema has none)`}},
		{"definitions differ", []schema.Object{optsLive}, []schema.Object{opts},
			[]string{`index options ix on t (differs: database has "INCLUDE (c)", desired schema has "INCLUDE (b)")`}},
		{"long definitions show their first difference", []schema.Object{fnLive}, []schema.Object{fn},
			[]string{`function f() (differs: database has "…` + strings.Repeat("x", 22) + ` RETURN 2 ` + strings.Repeat("x", 48) + `…", desired schema has "…` + strings.Repeat("x", 22) + ` RETURN 1 ` + strings.Repeat("x", 48) + `…")`}},
		{"sorted by kind, schema, table, name", []schema.Object{seq}, []schema.Object{opts, ex},
			[]string{
				"exclusion constraint ex1 on e (present in desired schema, absent from database)",
				`index options ix on t (desired schema has "INCLUDE (b)", database has none)`,
				"sequence app.s (present in database, absent from desired schema)",
			}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := Unmanaged(&schema.Schema{Unmanaged: c.live}, &schema.Schema{Unmanaged: c.desired})
			var lines []string
			for _, d := range got {
				lines = append(lines, d.String())
			}
			if strings.Join(lines, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("got\n  %s\nwant\n  %s", strings.Join(lines, "\n  "), strings.Join(c.want, "\n  "))
			}
		})
	}
	if got := Unmanaged(nil, &schema.Schema{Unmanaged: []schema.Object{ex}}); len(got) != 1 || !got[0].InDesired || got[0].InDatabase {
		t.Errorf("a nil live schema is empty: got %+v", got)
	}
}
