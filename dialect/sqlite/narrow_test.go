package sqlite

import "testing"

func TestNarrowsType(t *testing.T) {
	tests := []struct {
		from, to string
		narrows  bool
	}{
		{"TEXT", "INTEGER", true},
		{"VARCHAR(100)", "INT", true},
		{"TEXT", "NUMERIC", true},
		{"BLOB", "INTEGER", true},
		{"", "REAL", true},
		{"INTEGER", "REAL", true},
		{"INTEGER", "TEXT", false},
		{"REAL", "TEXT", true},
		{"VARCHAR(100)", "VARCHAR(20)", false}, // lengths are not enforced
		{"INTEGER", "BIGINT", false},
		{"BIGINT", "INT", false},
		{"REAL", "INTEGER", false}, // a float is converted only when no digit is lost
		{"TEXT", "BLOB", false},
		{"DECIMAL(10,2)", "DECIMAL(6,2)", false},
	}
	for _, tt := range tests {
		if got := (Dialect{}).NarrowsType(tt.from, tt.to); got != tt.narrows {
			t.Errorf("NarrowsType(%q, %q) = %v, want %v", tt.from, tt.to, got, tt.narrows)
		}
	}
}
