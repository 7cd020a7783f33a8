package lint

import (
	"strings"
	"testing"

	"github.com/retortdb/retort/schema"
)

// narrowsByLength is a stand-in dialect rule: a shorter VARCHAR narrows.
func narrowsByLength(from, to string) bool {
	n := func(s string) string {
		_, after, _ := strings.Cut(strings.ToUpper(s), "(")
		return strings.TrimSuffix(after, ")")
	}
	return len(n(to)) < len(n(from)) || (len(n(to)) == len(n(from)) && n(to) < n(from))
}

// Type changes are followed through every form that changes a type
// (ALTER TYPE, MODIFY, CHANGE, a rebuild's copy) and through renames, so
// the old type compared is the one the column has at that statement.
func TestNarrowings(t *testing.T) {
	liveTypes := func() *schema.Schema {
		return &schema.Schema{Tables: []*schema.Table{{Name: "t", Columns: []*schema.Column{
			{Name: "a", Type: "varchar(100)"}, {Name: "b", Type: "varchar(100)"}}}}}
	}
	tests := []struct {
		name string
		sql  []string
		want string // "table.column from>to" of the findings
	}{
		{"postgres alter type", []string{`ALTER TABLE t ALTER COLUMN a TYPE varchar(20) USING a::varchar(20), ALTER COLUMN b SET DATA TYPE varchar(200)`}, "t.a VARCHAR(100)>VARCHAR(20)"},
		{"mysql modify", []string{"ALTER TABLE `t` MODIFY COLUMN `a` varchar(20) CHARACTER SET utf8mb4 NOT NULL DEFAULT 'x'"}, "t.a VARCHAR(100)>VARCHAR(20)"},
		{"mysql change renames", []string{"ALTER TABLE t CHANGE a c varchar(99) NULL", "ALTER TABLE t MODIFY c varchar(98)"}, "t.c VARCHAR(100)>VARCHAR(99) t.c VARCHAR(99)>VARCHAR(98)"},
		{"widened then narrowed", []string{`ALTER TABLE t ALTER COLUMN a TYPE varchar(500)`, `ALTER TABLE t ALTER COLUMN a TYPE varchar(200)`}, "t.a VARCHAR(500)>VARCHAR(200)"},
		{"renamed column", []string{`ALTER TABLE t RENAME COLUMN a TO z`, `ALTER TABLE t ALTER COLUMN z TYPE varchar(10)`}, "t.z VARCHAR(100)>VARCHAR(10)"},
		{"renamed table", []string{`ALTER TABLE t RENAME TO u`, `ALTER TABLE u ALTER COLUMN a TYPE varchar(10)`}, "u.a VARCHAR(100)>VARCHAR(10)"},
		{"new column is empty", []string{`ALTER TABLE t ADD COLUMN c varchar(100)`, `ALTER TABLE t ALTER COLUMN c TYPE varchar(10)`}, "t.c VARCHAR(100)>VARCHAR(10)"},
		{"new table is empty", []string{`CREATE TABLE n (a varchar(100))`, `ALTER TABLE n ALTER COLUMN a TYPE varchar(10)`}, ""},
		{"rebuild", []string{`CREATE TABLE "_retort_new_t" ("a" VARCHAR(20) NOT NULL, "b" VARCHAR(100), PRIMARY KEY ("a"))`,
			`INSERT INTO "_retort_new_t" ("a", "b") SELECT "a", "b" FROM "t"`, `DROP TABLE "t"`, `ALTER TABLE "_retort_new_t" RENAME TO "t"`,
			`ALTER TABLE t ALTER COLUMN b TYPE varchar(10)`}, "t.a VARCHAR(100)>VARCHAR(20) t.b VARCHAR(100)>VARCHAR(10)"},
		// SQLite keeps a check unnamed: CHECK starts the clause, no column.
		{"rebuild with an unnamed check", []string{`CREATE TABLE "_retort_new_t" ("a" VARCHAR(20), "b" VARCHAR(100), CHECK (a <> b)) STRICT`,
			`INSERT INTO "_retort_new_t" ("a", "b") SELECT "a", "b" FROM "t"`, `DROP TABLE "t"`, `ALTER TABLE "_retort_new_t" RENAME TO "t"`}, "t.a VARCHAR(100)>VARCHAR(20)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := Destructive(Input{Capabilities: sqliteTraits, Live: liveTypes(), NarrowsType: narrowsByLength,
				Pending: []Revision{{File: "a.sql", Upgrade: stmts(tt.sql...)}}})
			var got []string
			for _, f := range fs {
				_, m, _ := strings.Cut(f.Message, " from ")
				m, _, _ = strings.Cut(m, " narrows")
				got = append(got, f.Table+"."+f.Column+" "+strings.Replace(m, " to ", ">", 1))
			}
			if strings.Join(got, " ") != tt.want {
				t.Errorf("findings %q, want %q", got, tt.want)
			}
		})
	}
}

func TestColumnType(t *testing.T) {
	for def, want := range map[string]string{
		"VARCHAR(20) NOT NULL":                     "VARCHAR(20)",
		"NUMERIC(10, 2) DEFAULT 1":                 "NUMERIC(10, 2)",
		"TIMESTAMP(3) WITHOUT TIME ZONE USING x":   "TIMESTAMP(3) WITHOUT TIME ZONE",
		"VARCHAR(5) CHARACTER SET utf8mb4":         "VARCHAR(5)",
		"CHARACTER VARYING(5) COLLATE \"C\"":       "CHARACTER VARYING(5)",
		"INT(10) UNSIGNED ZEROFILL AUTO_INCREMENT": "INT(10) UNSIGNED ZEROFILL",
		"ENUM('A B','C') NULL":                     "ENUM('A B','C')",
		"INTEGER":                                  "INTEGER",
	} {
		if got := columnType(def); got != want {
			t.Errorf("columnType(%q) = %q, want %q", def, got, want)
		}
	}
}

func TestNeedsLive(t *testing.T) {
	for sql, want := range map[string]bool{
		"ALTER TABLE t ALTER COLUMN a TYPE bigint":                                   true,
		"ALTER TABLE `t` ADD COLUMN `b` int NULL, MODIFY COLUMN `a` bigint NOT NULL": true,
		"ALTER TABLE t CHANGE a b int":                                               true,
		`CREATE TABLE "_retort_new_t" (a INTEGER)`:                                   true,
		"ALTER TABLE t DROP COLUMN a":                                                false,
		"CREATE TABLE t (a int)":                                                     false,
		"ALTER TABLE t ADD CONSTRAINT f FOREIGN KEY (a) REFERENCES u (id)":           false,
	} {
		in := Input{Capabilities: sqliteTraits, Pending: []Revision{{File: "a.sql", Upgrade: stmts(sql)}}}
		if got := NeedsLive(in); got != want {
			t.Errorf("NeedsLive(%q) = %v, want %v", sql, got, want)
		}
	}
}
