package hint

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/retortdb/retort/sqlsplit"
)

func TestRelations(t *testing.T) {
	notes := `{"orm":"gorm","kind":"has-many","package":"example.com/m","model":"User","field":"Notes","table":"notes","columns":["author_id"],"ref_table":"users","ref_columns":["id"],"fk":true,"fk_name":"fk_users_notes","at":"models/models.go:7"}`
	tests := []struct {
		name string
		opts sqlsplit.Options
		src  string
		want []string // "line model.field table(cols)->ref(cols) fk name at"
		err  string
	}{
		{name: "none", src: "CREATE TABLE t (a int);"},
		{name: "a header of hints before the DDL",
			src:  "-- retort:relation " + notes + "\n--   retort:relation {\"orm\":\"bun\",\"kind\":\"has-many\",\"model\":\"Team\",\"field\":\"Members\",\"table\":\"members\",\"columns\":[\"team_id\",\"org\"],\"ref_table\":\"teams\",\"ref_columns\":[\"id\",\"org\"],\"fk\":false,\"no_fk_because\":\"has-many\"}\nCREATE TABLE users (id int);\n",
			want: []string{"1 User.Notes notes(author_id)->users(id) true fk_users_notes models/models.go:7", "2 Team.Members members(team_id,org)->teams(id,org) false  "}},
		{name: "fields this retort does not know are skipped",
			src:  `-- retort:relation {"model":"A","field":"B","table":"a","columns":["b_id"],"ref_table":"b","ref_columns":["id"],"fk":true,"future":{"x":1}}`,
			want: []string{"1 A.B a(b_id)->b(id) true  "}},
		{name: "in a string or a block comment it is no hint", opts: sqlsplit.MySQL,
			src: "CREATE TABLE t (a varchar(200) DEFAULT '-- retort:relation {', b int /* -- retort:relation { */);\n# retort:relation {\n"},
		{name: "mysql: --retort:relation without a blank is code", opts: sqlsplit.MySQL, src: "SELECT 1 --retort:relation {}\n;"},
		{name: "postgres: --retort:relation without a blank is a comment", src: "SELECT 1 --retort:relation {}\n;",
			err: "1: a relation hint needs model"},
		{name: "mysql: one in an executable comment is the server's comment", opts: sqlsplit.MySQL,
			src:  "/*!50000 CREATE TABLE t (a int) -- retort:relation " + notes + "\n*/;",
			want: []string{"1 User.Notes notes(author_id)->users(id) true fk_users_notes models/models.go:7"}},
		{name: "not JSON", src: "CREATE TABLE t (a int);\n-- retort:relation has-many User.Notes\n", err: `2: "-- retort:relation" must be followed by one JSON object`},
		{name: "two objects", src: "-- retort:relation {\"model\":\"A\"} {}\n", err: "1: text after the JSON object"},
		{name: "columns and ref_columns differ in number",
			src: `-- retort:relation {"model":"A","field":"B","table":"a","columns":["b_id","x"],"ref_table":"b","ref_columns":["id"],"fk":true}`,
			err: "1: a relation hint needs model, field, table, ref_table and as many columns as ref_columns"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rels, err := Relations("schema.sql", tt.src, tt.opts)
			if tt.err != "" {
				var he *Error
				if !errors.As(err, &he) || !strings.Contains(err.Error(), "schema.sql:"+tt.err) {
					t.Fatalf("err = %v, want a *hint.Error containing %q", err, "schema.sql:"+tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, r := range rels {
				if r.File != "schema.sql" {
					t.Errorf("File = %q", r.File)
				}
				got = append(got, fmt.Sprintf("%d %s %s(%s)->%s(%s) %v %s %s", r.Line, r.Name(), r.Table, strings.Join(r.Columns, ","),
					r.RefTable, strings.Join(r.RefColumns, ","), r.FK, r.FKName, r.At))
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}
