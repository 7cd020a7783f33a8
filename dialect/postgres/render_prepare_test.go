package postgres

import "testing"

// TestRenderPrepareTolerant: Prepare classifies statements whatever their
// case and leading comments (hand-written revisions have both), and is
// not fooled by keywords inside comments or string literals.
func TestRenderPrepareTolerant(t *testing.T) {
	cases := []struct {
		stmt           string
		deferred, notx bool
	}{
		{"-- cascade now\nALTER TABLE notes VALIDATE CONSTRAINT f", true, false},
		{"/* why */ alter table notes validate constraint f", true, false},
		{"ALTER TABLE app.\"Notes\"\tVALIDATE\n CONSTRAINT \"F\"", true, false},
		{"-- build it online\ncreate index concurrently i on t (a)", false, true},
		{"/* x */ REINDEX INDEX CONCURRENTLY i", false, true},
		{"CREATE DATABASE other", false, true},
		{"vacuum (verbose) t", false, true},
		{"-- VALIDATE CONSTRAINT later\nALTER TABLE t ADD COLUMN v int", false, false},
		{"INSERT INTO log VALUES ('VACUUM')", false, false},
		{"COMMENT ON TABLE t IS 'run CREATE INDEX CONCURRENTLY later'", false, false},
		{"CREATE TABLE t (note text DEFAULT 'drop CONCURRENTLY')", false, false},
		{"CREATE UNIQUE INDEX CONCURRENTLY i ON t (a)", false, true},
	}
	for _, c := range cases {
		p := Dialect{}.Prepare([]string{c.stmt})
		if got := len(p.Deferred) == 1; got != c.deferred {
			t.Errorf("%q: deferred = %v, want %v", c.stmt, got, c.deferred)
		}
		if p.NoTransaction != c.notx {
			t.Errorf("%q: NoTransaction = %v, want %v", c.stmt, p.NoTransaction, c.notx)
		}
		if len(p.Body)+len(p.Deferred) != 1 {
			t.Errorf("%q: statement lost or duplicated: %+v", c.stmt, p)
		}
	}
}

// FuzzRenderPrepare: whatever the statements, Prepare keeps every one
// exactly once within Body and Deferred.
func FuzzRenderPrepare(f *testing.F) {
	for _, s := range []string{"ALTER TABLE t VALIDATE CONSTRAINT c", "-- x\nCREATE INDEX CONCURRENTLY i ON t (a)", "/* */ SET LOCAL lock_timeout = '5s'", "/* unterminated"} {
		f.Add(s, "SELECT 1")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		p := Dialect{}.Prepare([]string{a, b})
		if n := len(p.Body) + len(p.Deferred); n != 2 {
			t.Fatalf("Prepare(%q, %q) kept %d statements: %+v", a, b, n, p)
		}
	})
}
