package mysql

import "testing"

func TestNarrowsType(t *testing.T) {
	tests := []struct {
		from, to string
		narrows  bool
	}{
		{"varchar(100)", "VARCHAR(20)", true},
		{"varchar(20)", "varchar(100)", false},
		{"text", "varchar(50)", true},
		{"varchar(50)", "text", false},
		{"varchar(20000)", "text", true}, // 80,000 bytes of utf8mb4 do not fit TEXT's 65,535
		{"text", "mediumtext", false},
		{"longtext", "text", true},
		{"bigint(20)", "int(11)", true},
		{"int(11)", "bigint", false},
		{"int(11)", "int", false},
		{"int(11)", "int(10) unsigned", true},
		{"int(10) unsigned", "int(11)", true},
		{"int(10) unsigned", "bigint(20)", false},
		{"tinyint(1)", "smallint(6)", false},
		{"decimal(10,2)", "decimal(6,2)", true},
		{"decimal(10,2)", "decimal(12,2)", false},
		{"decimal(10,2)", "decimal(10,3)", true},
		{"bigint(20)", "decimal(20,0)", false},
		{"int(11)", "double", false},
		{"bigint(20)", "double", true},
		{"double", "float", true},
		{"float", "double", false},
		{"enum('a','b','c')", "enum('a','b')", true},
		{"enum('a','b')", "enum('a','b','c')", false},
		{"enum('a','b')", "enum('b','a')", true},
		{"enum('a','bb')", "varchar(2)", false},
		{"enum('a','bbb')", "varchar(2)", true},
		{"datetime(6)", "datetime", true},
		{"datetime", "datetime(3)", false},
		{"date", "datetime", false},
		{"datetime", "timestamp", true},
		{"blob", "tinyblob", true},
		{"varbinary(16)", "blob", false},
		{"json", "longtext", false},
		{"longtext", "json", true},
		{"char(36)", "varchar(36)", false},
		{"varchar(36)", "char(36)", true},
	}
	for _, tt := range tests {
		if got := (Dialect{}).NarrowsType(tt.from, tt.to); got != tt.narrows {
			t.Errorf("NarrowsType(%q, %q) = %v, want %v", tt.from, tt.to, got, tt.narrows)
		}
	}
}
