package postgres

import (
	"fmt"
	"testing"

	"github.com/retortdb/retort/sqlsplit"
)

func TestLoadMessages(t *testing.T) {
	stmt := func(sql string) loadStmt { return loadStmt{file: "s.sql", Stmt: sqlsplit.Stmt{SQL: sql, Line: 1}} }
	tests := []struct {
		name  string
		stmts []loadStmt
		want  string
	}{
		{"one message", []loadStmt{stmt("CREATE TABLE a (id int)"), stmt("CREATE TABLE b (id int)")},
			`[[BEGIN/-1 CREATE TABLE a (id int)/0 CREATE TABLE b (id int)/1 ` + loadLockCountSQL + `/-1 COMMIT/-1]]`},
		// pg_dump's first lines: what follows is lexed with the setting on.
		{"lexing changes after standard_conforming_strings", []loadStmt{stmt("SET Standard_Conforming_Strings = on"), stmt(`CREATE TABLE a (p text DEFAULT 'C:\')`)},
			`[[BEGIN/-1 SET Standard_Conforming_Strings = on/0] [CREATE TABLE a (p text DEFAULT 'C:\')/1 ` + loadLockCountSQL + `/-1 COMMIT/-1]]`},
		{"setting last", []loadStmt{stmt("SET standard_conforming_strings = on")},
			`[[BEGIN/-1 SET standard_conforming_strings = on/0 ` + loadLockCountSQL + `/-1 COMMIT/-1]]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got [][]string
			for _, m := range loadMessages(tt.stmts) {
				var parts []string
				for _, p := range m {
					parts = append(parts, fmt.Sprintf("%s/%d", p.sql, p.index))
				}
				got = append(got, parts)
			}
			if s := fmt.Sprint(got); s != tt.want {
				t.Errorf("messages\n %s\nwant\n %s", s, tt.want)
			}
		})
	}
}
