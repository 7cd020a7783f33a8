package gormschema

import "testing"

func TestReordered(t *testing.T) {
	sorted := []string{"CONSTRAINT a UNIQUE (x)", "CONSTRAINT b CHECK (y > 0)"}
	tests := []struct{ name, in, want string }{
		{"swapped", "CREATE TABLE t (x int,y int,CONSTRAINT b CHECK (y > 0),CONSTRAINT a UNIQUE (x))",
			"CREATE TABLE t (x int,y int,CONSTRAINT a UNIQUE (x),CONSTRAINT b CHECK (y > 0))"},
		{"already sorted, options after", "CREATE TABLE t (x int,CONSTRAINT a UNIQUE (x),CONSTRAINT b CHECK (y > 0)) STRICT",
			"CREATE TABLE t (x int,CONSTRAINT a UNIQUE (x),CONSTRAINT b CHECK (y > 0)) STRICT"},
		{"not one run: left alone", "CREATE TABLE t (x int,CONSTRAINT b CHECK (y > 0),y int,CONSTRAINT a UNIQUE (x))",
			"CREATE TABLE t (x int,CONSTRAINT b CHECK (y > 0),y int,CONSTRAINT a UNIQUE (x))"},
		{"one missing: left alone", "CREATE TABLE t (x int,CONSTRAINT b CHECK (y > 0))",
			"CREATE TABLE t (x int,CONSTRAINT b CHECK (y > 0))"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := reordered(tt.in, sorted); got != tt.want {
				t.Errorf("reordered =\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}
