package mysql

// reflectCase is a DDL shape, executed directly, and lines its reflection
// must contain (dump format). The same cases drive the round-trip test.
type reflectCase struct {
	name string
	ddl  []string
	want []string
	not  []string // substrings the dump must not contain
}

var reflectCases = []reflectCase{
	{
		name: "composite_fk",
		ddl: []string{
			"CREATE TABLE parent (a INT NOT NULL, b INT NOT NULL, PRIMARY KEY (a, b), KEY parent_ba (b, a))",
			"CREATE TABLE child (id INT PRIMARY KEY, pa INT, pb INT, CONSTRAINT child_parent_fkey FOREIGN KEY (pb, pa) REFERENCES parent (b, a) ON DELETE SET NULL ON UPDATE CASCADE)",
		},
		want: []string{
			"  pk [a b]",
			"  fk child_parent_fkey [pb pa] -> parent[b a] delete=SET NULL update=CASCADE",
		},
		not: []string{"index child_parent_fkey"},
	},
	{
		name: "self_reference",
		ddl: []string{
			"CREATE TABLE emp (id INT PRIMARY KEY, manager_id INT, CONSTRAINT emp_manager_fkey FOREIGN KEY (manager_id) REFERENCES emp (id) ON DELETE SET NULL)",
		},
		want: []string{"  fk emp_manager_fkey [manager_id] -> emp[id] delete=SET NULL update=NO ACTION"},
		not:  []string{"  index "},
	},
	{
		name: "every_action",
		ddl: []string{
			"CREATE TABLE p (id INT PRIMARY KEY)",
			`CREATE TABLE c (id INT PRIMARY KEY, a INT, b INT, d INT, e INT,
			  CONSTRAINT c_a FOREIGN KEY (a) REFERENCES p (id) ON DELETE CASCADE ON UPDATE CASCADE,
			  CONSTRAINT c_b FOREIGN KEY (b) REFERENCES p (id) ON DELETE SET NULL ON UPDATE SET NULL,
			  CONSTRAINT c_d FOREIGN KEY (d) REFERENCES p (id) ON DELETE RESTRICT ON UPDATE RESTRICT,
			  CONSTRAINT c_e FOREIGN KEY (e) REFERENCES p (id) ON DELETE NO ACTION ON UPDATE NO ACTION)`,
		},
		want: []string{
			"  fk c_a [a] -> p[id] delete=CASCADE update=CASCADE",
			"  fk c_b [b] -> p[id] delete=SET NULL update=SET NULL",
			"  fk c_d [d] -> p[id] delete=NO ACTION update=NO ACTION",
			"  fk c_e [e] -> p[id] delete=NO ACTION update=NO ACTION",
		},
		not: []string{"RESTRICT", "  index "},
	},
	{
		name: "unnamed_fk_and_covering_index",
		ddl: []string{
			"CREATE TABLE p (id INT PRIMARY KEY)",
			"CREATE TABLE c (id INT PRIMARY KEY, pid INT, qid INT, KEY c_q_extra (qid, id), FOREIGN KEY (pid) REFERENCES p (id), FOREIGN KEY (qid) REFERENCES p (id))",
		},
		want: []string{
			"  fk c_ibfk_1 [pid] -> p[id] delete=NO ACTION update=NO ACTION",
			"  fk c_ibfk_2 [qid] -> p[id]",
			"  index c_q_extra unique=false",
			// The index InnoDB names after an unnamed key's column is an
			// index of the table like any other: retort writes it before
			// the key, so the key's index keeps the name direct DDL gives
			// it. Only an index named after its key is the key's own.
			"  index pid unique=false",
		},
	},
	{
		name: "prefix_desc_fulltext_indexes",
		ddl: []string{
			"CREATE TABLE doc (id INT PRIMARY KEY, title VARCHAR(200), body TEXT, n INT, UNIQUE KEY doc_title_key (title), KEY doc_title_prefix (title(10) DESC, n), FULLTEXT KEY doc_body_ft (body))",
			"CREATE UNIQUE INDEX doc_body_prefix ON doc (body(20))",
			"CREATE UNIQUE INDEX doc_n_desc ON doc (n DESC)",
		},
		want: []string{
			"  unique doc_title_key [title]",
			"  index doc_body_prefix unique=true method=\"\" invisible=false parts=body(20)",
			"  index doc_body_ft unique=false method=\"FULLTEXT\"",
			"  index doc_n_desc unique=true method=\"\" invisible=false parts=n DESC",
			"  index doc_title_prefix unique=false method=\"\" invisible=false parts=title(10) DESC, n",
		},
	},
	{
		// MariaDB lists a SPATIAL key part with SUB_PART 32, a length no
		// SPATIAL index accepts back.
		name: "spatial_index",
		ddl:  []string{"CREATE TABLE place (id INT PRIMARY KEY, g POINT NOT NULL, SPATIAL INDEX place_g_sp (g))"},
		want: []string{"  index place_g_sp unique=false method=\"SPATIAL\" invisible=false parts=g"},
	},
	{
		// InnoDB builds a B-tree whatever USING says and STATISTICS says
		// BTREE for each; the clause as written comes from SHOW CREATE.
		name: "index_using_written",
		ddl: []string{"CREATE TABLE t (id INT NOT NULL, a INT, b INT, c INT, PRIMARY KEY (id) USING BTREE, " +
			"KEY ia (a) USING BTREE, KEY ib (b) USING HASH, KEY ic (c), UNIQUE KEY ua (a) USING BTREE, UNIQUE KEY uc (c), " +
			"KEY `odd``name (` (b, c) USING HASH)"},
		want: []string{
			"  pk [id] method=BTREE",
			"  index ia unique=false method=\"BTREE\" invisible=false parts=a",
			"  index ib unique=false method=\"HASH\" invisible=false parts=b",
			"  index ic unique=false method=\"\" invisible=false parts=c",
			"  index ua unique=true method=\"BTREE\" invisible=false parts=a",
			"  index odd`name ( unique=false method=\"HASH\" invisible=false parts=b, c",
			"  unique uc [c]",
		},
	},
	{
		// MEMORY's default is HASH, which STATISTICS reports unwritten.
		name: "memory_index_algorithms",
		ddl:  []string{"CREATE TABLE m (id INT NOT NULL, a INT, PRIMARY KEY (id) USING HASH, KEY ma (a), KEY mb (a) USING BTREE) ENGINE=MEMORY"},
		want: []string{
			"  pk [id] method=HASH",
			"  index ma unique=false method=\"\" invisible=false parts=a",
			"  index mb unique=false method=\"BTREE\" invisible=false parts=a",
		},
	},
	{
		// Aria lists transactional=1 in CREATE_OPTIONS unwritten; SHOW
		// CREATE TABLE shows PAGE_CHECKSUM=1 unwritten (its value).
		name: "aria_options",
		ddl: []string{
			"CREATE TABLE a1 (id INT PRIMARY KEY) ENGINE=Aria",
			"CREATE TABLE a2 (id INT PRIMARY KEY) ENGINE=Aria TRANSACTIONAL=0 PAGE_CHECKSUM=0 CHECKSUM=1",
			"CREATE TABLE m1 (id INT PRIMARY KEY) ENGINE=MyISAM DELAY_KEY_WRITE=1 PACK_KEYS=0",
		},
		want: []string{
			"table a1 comment=\"\"\n  options {charset=utf8mb4,collation=utf8mb4_general_ci,engine=Aria,page_checksum=1}",
			"table a2 comment=\"\"\n  options {charset=utf8mb4,checksum=1,collation=utf8mb4_general_ci,engine=Aria,page_checksum=0,transactional=0}",
			"table m1 comment=\"\"\n  options {charset=utf8mb4,collation=utf8mb4_general_ci,delay_key_write=1,engine=MyISAM,pack_keys=0}",
		},
		not: []string{"transactional=1"},
	},
	{
		name: "ignored_index",
		ddl:  []string{"CREATE TABLE t (id INT PRIMARY KEY, a INT, KEY t_a_idx (a) IGNORED)"},
		want: []string{"  index t_a_idx unique=false method=\"\" invisible=true"},
	},
	{
		name: "column_kinds",
		ddl: []string{
			"CREATE TABLE t (id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY COMMENT 'the key', " +
				"name VARCHAR(50) CHARACTER SET latin1 NOT NULL, " +
				"code VARCHAR(10) COLLATE utf8mb4_bin, " +
				"bin VARCHAR(10) CHARACTER SET latin1 COLLATE latin1_bin, " +
				"amount DECIMAL(10,2) NOT NULL DEFAULT 0.00, " +
				"ok BOOL NOT NULL DEFAULT 1, small SMALLINT(3) UNSIGNED, padded INT(6) ZEROFILL, y YEAR(4), " +
				"flags BIT(3) DEFAULT b'101', " +
				"state ENUM('a','b''c') NOT NULL DEFAULT 'a', " +
				"doc JSON) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='tab''le'",
		},
		want: []string{
			`table t comment="tab'le"`,
			`  col id bigint unsigned null=false default=- ai=true coll="" comment="the key" attrs={}`,
			`  col name varchar(50) null=false default=- ai=false coll="" comment="" attrs={charset=latin1}`,
			`  col code varchar(10) null=true default=- ai=false coll="utf8mb4_bin" comment="" attrs={}`,
			`  col bin varchar(10) null=true default=- ai=false coll="latin1_bin" comment="" attrs={charset=latin1}`,
			`  col amount decimal(10,2) null=false default=0.00`,
			`  col ok tinyint(1) null=false default=1`,
			`  col small smallint unsigned null=true`,
			`  col padded int(6) unsigned zerofill null=true`,
			`  col y year null=true`,
			`  col flags bit(3) null=true default=b'101'`,
			`  col state enum('a','b''c') null=false default='a'`,
			`  col doc json null=true default=- ai=false coll="" comment="" attrs={}`,
		},
		not: []string{"check doc"},
	},
	{
		name: "defaults",
		ddl: []string{
			"CREATE TABLE t (id INT PRIMARY KEY, " +
				"created DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP, " +
				"updated TIMESTAMP(3) NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), " +
				`s VARCHAR(20) DEFAULT 'it''s \\ here', ` +
				"n INT DEFAULT NULL, " +
				"neg INT DEFAULT -5, " +
				"e INT DEFAULT (1 + 2), " +
				"u VARCHAR(36) DEFAULT (uuid()))",
		},
		want: []string{
			`  col created datetime null=false default=current_timestamp()`,
			`  col updated timestamp(3) null=true default=current_timestamp(3) ai=false coll="" comment="" attrs={on_update=current_timestamp(3)}`,
			`  col s varchar(20) null=true default='it''s \\ here'`,
			`  col n int null=true default=-`,
			`  col neg int null=true default=-5`,
			`  col e int null=true default=(1 + 2)`,
			`  col u varchar(36) null=true default=uuid()`,
		},
	},
	{
		name: "generated",
		ddl: []string{
			"CREATE TABLE t (id INT PRIMARY KEY, price INT, qty INT, total INT AS (price * qty) VIRTUAL, total2 INT GENERATED ALWAYS AS (price + qty) STORED, KEY t_total2 (total2))",
		},
		want: []string{
			"  col total int null=true default=- ai=false coll=\"\" comment=\"\" attrs={} gen=\"`price` * `qty`\" stored=false",
			"  col total2 int null=true default=- ai=false coll=\"\" comment=\"\" attrs={} gen=\"`price` + `qty`\" stored=true",
		},
	},
	{
		name: "checks",
		ddl: []string{
			"CREATE TABLE t (id INT PRIMARY KEY, qty INT CHECK (qty >= 0), lo INT, hi INT, CONSTRAINT t_range CHECK (lo < hi), CONSTRAINT t_paren CHECK ((lo > 0) OR (hi > 0)))",
		},
		want: []string{
			"  check qty `qty` >= 0 column=qty",
			"  check t_range `lo` < `hi`",
			"  check t_paren `lo` > 0 or `hi` > 0",
		},
		not: []string{"t_range `lo` < `hi` column", "t_paren `lo` > 0 or `hi` > 0 column"},
	},
	{
		name: "index_algorithms",
		ddl: []string{
			"CREATE TABLE m (id INT, a INT, b INT, KEY m_a (a) USING BTREE, KEY m_b (b)) ENGINE=MEMORY",
			"CREATE TABLE t (id INT PRIMARY KEY, d TEXT, e INT, UNIQUE KEY t_d (d), KEY t_e (e) USING BTREE)",
		},
		want: []string{
			`  index m_a unique=false method="BTREE"`,
			`  index m_b unique=false method=""`,    // MEMORY's HASH, unwritten
			`  index t_d unique=true method="HASH"`, // MariaDB shows USING HASH for a long unique key unwritten
			`  index t_e unique=false method="BTREE"`,
		},
	},
	{
		name: "view_and_trigger",
		ddl: []string{
			"CREATE TABLE t (id INT PRIMARY KEY, n INT)",
			"CREATE VIEW big AS SELECT id, n FROM t WHERE n > 10",
			"CREATE TRIGGER t_bump BEFORE INSERT ON t FOR EACH ROW SET NEW.n = NEW.n + 1",
		},
		want: []string{
			"view big select `t`.`id` AS `id`,`t`.`n` AS `n` from `t` where `t`.`n` > 10",
			"trigger t_bump on t: CREATE TRIGGER `t_bump` BEFORE INSERT ON `t` FOR EACH ROW SET NEW.n = NEW.n + 1",
		},
	},
	{
		name: "reserved_and_unicode_identifiers",
		ddl: []string{
			"CREATE TABLE `order` (`select` INT PRIMARY KEY, `from` VARCHAR(5), `we``ird` INT)",
			"CREATE TABLE `café` (`naïve` INT PRIMARY KEY, `order_select` INT, CONSTRAINT `café_fk` FOREIGN KEY (`order_select`) REFERENCES `order` (`select`) ON DELETE CASCADE)",
			"CREATE INDEX `idx from` ON `order` (`from`)",
		},
		want: []string{
			"table café",
			"  col naïve int",
			"  fk café_fk [order_select] -> order[select] delete=CASCADE",
			"table order",
			"  col we`ird int",
			"  index idx from unique=false",
		},
	},
}
