package mysql

import (
	"maps"
	"strings"
	"testing"
)

func TestParseTableDef(t *testing.T) {
	cases := []struct {
		name    string
		def     string
		using   map[string]string
		options map[string]string
	}{
		{"mariadb keys", "CREATE TABLE `t` (\n  `id` int(11) NOT NULL,\n  `b` text DEFAULT 'x), KEY `no` (`b`) USING HASH',\n" +
			"  PRIMARY KEY (`id`) USING BTREE,\n  UNIQUE KEY `ub` (`b`) USING BTREE,\n  UNIQUE KEY `body` (`body`) USING HASH,\n" +
			"  KEY `ia` (`a`) USING BTREE COMMENT 'x,y',\n  KEY `ic` (`a`),\n  KEY `we``ird(` (`s`(3)) USING HASH IGNORED,\n" +
			"  SPATIAL KEY `g` (`g`),\n  FULLTEXT KEY `body_2` (`body`),\n  CONSTRAINT `c` CHECK (`b` <> 'USING HASH')\n" +
			") ENGINE=Aria DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci PAGE_CHECKSUM=1 TRANSACTIONAL=0 COMMENT='TRANSACTIONAL=1'",
			map[string]string{"PRIMARY": "BTREE", "ub": "BTREE", "body": "HASH", "ia": "BTREE", "we`ird(": "HASH"},
			map[string]string{"engine": "Aria", "charset": "utf8mb4", "collate": "utf8mb4_general_ci", "page_checksum": "1", "transactional": "0"}},
		{"ansi quotes, USING before the parts", "CREATE TABLE \"t\" (\n  \"a\" int,\n  KEY \"a\"\"b\" USING HASH (\"a\")\n) TRANSACTIONAL=1",
			map[string]string{`a"b`: "HASH"}, map[string]string{"transactional": "1"}},
		{"partitioned", "CREATE TABLE `t` (\n  `a` int,\n  PRIMARY KEY (`a`)\n) ENGINE=InnoDB\n PARTITION BY HASH (`a`)\n(PARTITION `p0` ENGINE = InnoDB TRANSACTIONAL=1)",
			map[string]string{}, map[string]string{"engine": "InnoDB"}},
		{"escaped quote in a string", "CREATE TABLE `t` (\n  `a` varchar(3) DEFAULT 'it\\'s, ''x''',\n  KEY `k` (`a`) USING HASH\n)",
			map[string]string{"k": "HASH"}, map[string]string{}},
		{"truncated", "CREATE TABLE `t` (\n  KEY `k` (`a`) USING", map[string]string{}, map[string]string{}},
		{"empty", "", map[string]string{}, map[string]string{}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := parseTableDef(tc.def)
			if !maps.Equal(d.using, tc.using) {
				t.Errorf("using = %v, want %v", d.using, tc.using)
			}
			if !maps.Equal(d.options, tc.options) {
				t.Errorf("options = %v, want %v", d.options, tc.options)
			}
		})
	}
}

// FuzzParseTableDef checks that any key name, quoted as the server
// quotes it, comes back with its USING, and that no input panics.
func FuzzParseTableDef(f *testing.F) {
	f.Add("ia", "CREATE TABLE `t` (`a` int, KEY `x` (`a`)) ENGINE=InnoDB")
	f.Add("we`ird(", "")
	f.Add("", "CREATE TABLE `t` (\n  `a` int DEFAULT '\\'")
	f.Fuzz(func(t *testing.T, name, junk string) {
		parseTableDef(junk)
		if name == "" {
			return
		}
		def := "CREATE TABLE `t` (\n  `a` varchar(9) DEFAULT " + literal(junk) + " COMMENT " + literal(name) + ",\n  KEY " + quote(name) +
			" (`a`(3) DESC) USING HASH COMMENT " + literal(junk) + ",\n  UNIQUE KEY `u` (`a`)\n) ENGINE=Aria COMMENT=" + literal(junk) + " TRANSACTIONAL=0"
		d := parseTableDef(def)
		if d.using[name] != "HASH" || len(d.using) != 1 || d.options["transactional"] != "0" {
			t.Fatalf("parseTableDef(%q) = %v %v", def, d.using, d.options)
		}
	})
}

func TestLexDefIdentifiers(t *testing.T) {
	for _, name := range []string{"a", "a`b", "``", "x y", "(", "'"} {
		toks := lexDef(quote(name))
		if len(toks) != 1 || !toks[0].ident || toks[0].text != name {
			t.Errorf("lexDef(%s) = %v", quote(name), toks)
		}
	}
	if got := lexDef("'a\\'b' c"); len(got) != 2 || !strings.HasPrefix(got[0].text, "'") {
		t.Errorf("lexDef of a string = %v", got)
	}
}
