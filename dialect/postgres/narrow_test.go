package postgres

import "testing"

func TestNarrowsType(t *testing.T) {
	tests := []struct {
		from, to string
		narrows  bool
	}{
		{"character varying(100)", "VARCHAR(20)", true},
		{"character varying(20)", "varchar(100)", false},
		{"character varying(100)", "character varying(100)", false},
		{"text", "character varying(50)", true},
		{"character varying(50)", "text", false},
		{"character varying", "character varying(10)", true},
		{"bigint", "integer", true},
		{"integer", "bigint", false},
		{"smallint", "int4", false},
		{"numeric(10,2)", "numeric(6,2)", true},
		{"numeric(10,2)", "numeric(10,1)", true},
		{"numeric(10,2)", "numeric(12,3)", false},
		{"numeric", "numeric(20,2)", true},
		{"numeric(10,2)", "numeric", false},
		{"integer", "numeric(10,0)", false},
		{"bigint", "numeric(10,0)", true},
		{"numeric(10,2)", "integer", true},
		{"double precision", "real", true},
		{"real", "double precision", false},
		{"integer", "double precision", false},
		{"bigint", "double precision", true},
		{"timestamp(6) without time zone", "timestamp(0) without time zone", true},
		{"timestamp(3) without time zone", "timestamp without time zone", false},
		// The same instant in the session's time zone: nothing is cut.
		{"timestamp without time zone", "timestamp with time zone", false},
		{"timestamp(6) without time zone", "timestamp(3) with time zone", true},
		{"timestamp with time zone", "timestamp without time zone", true},
		{"date", "timestamp with time zone", false},
		{"date", "timestamp without time zone", false},
		{"time without time zone", "time with time zone", false},
		{"character(5)", "character varying(5)", false},
		{"character varying(5)", "character(5)", true},
		{"integer[]", "bigint[]", false},
		{"bigint[]", "integer[]", true},
		{"integer[]", "text", false},
		{"jsonb", "json", true},
		{"uuid", "text", false},
		{"text", "uuid", true},
	}
	for _, tt := range tests {
		if got := (Dialect{}).NarrowsType(tt.from, tt.to); got != tt.narrows {
			t.Errorf("NarrowsType(%q, %q) = %v, want %v", tt.from, tt.to, got, tt.narrows)
		}
	}
}
