package postgres

import (
	"reflect"
	"testing"

	"github.com/retortdb/retort/dialect"
)

func TestPrepare(t *testing.T) {
	cases := []struct {
		name  string
		stmts []string
		want  dialect.Plan
	}{
		{"plain body", []string{"CREATE TABLE a (id int)", "ALTER TABLE a ADD COLUMN b int"},
			dialect.Plan{Body: []string{"CREATE TABLE a (id int)", "ALTER TABLE a ADD COLUMN b int"}}},
		{"validate deferred", []string{lockTimeout, "ALTER TABLE notes ADD CONSTRAINT f FOREIGN KEY (a) REFERENCES u (id) NOT VALID", "ALTER TABLE notes VALIDATE CONSTRAINT f", "alter table \"X\"\n  validate constraint c"},
			dialect.Plan{Body: []string{lockTimeout, "ALTER TABLE notes ADD CONSTRAINT f FOREIGN KEY (a) REFERENCES u (id) NOT VALID"}, Deferred: []string{"ALTER TABLE notes VALIDATE CONSTRAINT f", "alter table \"X\"\n  validate constraint c"},
				PreChecks: []string{"SELECT c.a FROM notes c WHERE c.a IS NOT NULL AND NOT EXISTS (SELECT 1 FROM u p WHERE p.id = c.a) LIMIT 10"}}},
		{"no pre-check when the revision changes rows", []string{"DELETE FROM notes WHERE a NOT IN (SELECT id FROM u)", "ALTER TABLE notes ADD CONSTRAINT f FOREIGN KEY (a) REFERENCES u (id) NOT VALID", "ALTER TABLE notes VALIDATE CONSTRAINT f"},
			dialect.Plan{Body: []string{"DELETE FROM notes WHERE a NOT IN (SELECT id FROM u)", "ALTER TABLE notes ADD CONSTRAINT f FOREIGN KEY (a) REFERENCES u (id) NOT VALID"}, Deferred: []string{"ALTER TABLE notes VALIDATE CONSTRAINT f"}}},
		{"validate in a name is not a validate", []string{"ALTER TABLE validate_constraint_log ADD COLUMN x int"},
			dialect.Plan{Body: []string{"ALTER TABLE validate_constraint_log ADD COLUMN x int"}}},
		{"concurrently makes the plan stepwise; SET LOCAL stays with the transaction it is grouped in", []string{lockTimeout, "CREATE INDEX CONCURRENTLY i ON t (a)", "ALTER TABLE t VALIDATE CONSTRAINT c"},
			dialect.Plan{Body: []string{lockTimeout, "CREATE INDEX CONCURRENTLY i ON t (a)"}, Deferred: []string{"ALTER TABLE t VALIDATE CONSTRAINT c"}, NoTransaction: true}},
		{"a validate followed by a drop of its constraint stays in place", []string{"ALTER TABLE t ADD CONSTRAINT c CHECK (a > 0) NOT VALID", "ALTER TABLE t VALIDATE CONSTRAINT c", "ALTER TABLE t DROP CONSTRAINT c"},
			dialect.Plan{Body: []string{"ALTER TABLE t ADD CONSTRAINT c CHECK (a > 0) NOT VALID", "ALTER TABLE t VALIDATE CONSTRAINT c", "ALTER TABLE t DROP CONSTRAINT c"}}},
		{"a quoted constraint dropped later stays in place", []string{`ALTER TABLE t VALIDATE CONSTRAINT "Fk"`, `ALTER TABLE t DROP CONSTRAINT "Fk"`},
			dialect.Plan{Body: []string{`ALTER TABLE t VALIDATE CONSTRAINT "Fk"`, `ALTER TABLE t DROP CONSTRAINT "Fk"`}}},
		{"another constraint's later drop does not hold a validate back", []string{"ALTER TABLE t VALIDATE CONSTRAINT c", "ALTER TABLE t DROP CONSTRAINT c2"},
			dialect.Plan{Body: []string{"ALTER TABLE t DROP CONSTRAINT c2"}, Deferred: []string{"ALTER TABLE t VALIDATE CONSTRAINT c"}}},
		{"drop index concurrently", []string{"drop index concurrently if exists i"},
			dialect.Plan{Body: []string{"drop index concurrently if exists i"}, NoTransaction: true}},
		{"enum add value", []string{"ALTER TYPE mood ADD VALUE 'happy' AFTER 'ok'"},
			dialect.Plan{Body: []string{"ALTER TYPE mood ADD VALUE 'happy' AFTER 'ok'"}, NoTransaction: true}},
		{"enum rename value stays transactional", []string{"ALTER TYPE mood RENAME VALUE 'ok' TO 'fine'"},
			dialect.Plan{Body: []string{"ALTER TYPE mood RENAME VALUE 'ok' TO 'fine'"}}},
		{"vacuum", []string{"VACUUM ANALYZE t"}, dialect.Plan{Body: []string{"VACUUM ANALYZE t"}, NoTransaction: true}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := Dialect{}.Prepare(tc.stmts)
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Prepare(%q)\n got %#v\nwant %#v", tc.stmts, got, tc.want)
			}
		})
	}
}

func TestQuote(t *testing.T) {
	cases := map[string]string{
		"users": "users", "user": `"user"`, "Users": `"Users"`, "a b": `"a b"`, `x"y`: `"x""y"`,
		"_t1": "_t1", "1t": `"1t"`, "t$": "t$", "order": `"order"`, "select": `"select"`, "name": "name",
		"": `""`, "été": `"été"`,
	}
	for in, want := range cases {
		if got := (Dialect{}).Quote(in); got != want {
			t.Errorf("Quote(%q) = %s, want %s", in, got, want)
		}
	}
}

func TestPlaceholderAndVersionTables(t *testing.T) {
	d := Dialect{}
	if d.Placeholder(1) != "$1" || d.Placeholder(12) != "$12" {
		t.Errorf("Placeholder: %s %s", d.Placeholder(1), d.Placeholder(12))
	}
	if !d.Capabilities().TransactionalDDL || d.BeginSQL() != "BEGIN" {
		t.Error("PostgreSQL DDL is transactional and begins with BEGIN")
	}
	if !d.Capabilities().LockHazards {
		t.Error("PostgreSQL has lock hazards")
	}
}
