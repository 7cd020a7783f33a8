package mysql

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/diff"
	"github.com/retortdb/retort/internal/schematest"
	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/schema"
)

// dumpFull is dump plus what it leaves out: table options and SQL objects.
func dumpFull(s *schema.Schema) string {
	lines := []string{dump(s)}
	for _, t := range s.Tables {
		var kv []string
		for k, v := range t.Options {
			if !strings.HasPrefix(k, fkIndexOption) {
				kv = append(kv, k+"="+v)
			}
		}
		sort.Strings(kv)
		lines = append(lines, fmt.Sprintf("options %s %s", t.Name, strings.Join(kv, " | ")))
	}
	for _, o := range s.Objects {
		lines = append(lines, fmt.Sprintf("%s: %s", o.Label(), o.Definition))
	}
	return strings.Join(lines, "\n")
}

// objectCase takes a database from `from` to `to`: the upgrade must
// contain every string of up, leave what `to` run directly leaves, and
// the downgrade what `from` left.
type objectCase struct {
	name     string
	from, to []string
	up       []string
}

var objectCases = []objectCase{
	// Events.
	{name: "event_create", from: []string{"CREATE TABLE t (id INT)"},
		to: []string{"CREATE TABLE t (id INT)", "CREATE EVENT e ON SCHEDULE EVERY 1 DAY DO DELETE FROM t WHERE id < 0"},
		up: []string{"CREATE EVENT `e` ON SCHEDULE EVERY 1 DAY ON COMPLETION NOT PRESERVE ENABLE DO DELETE FROM t WHERE id < 0"}},
	{name: "event_alter_schedule", from: []string{"CREATE TABLE t (id INT)", "CREATE EVENT e ON SCHEDULE EVERY 1 DAY DO DELETE FROM t"},
		to: []string{"CREATE TABLE t (id INT)", "CREATE EVENT e ON SCHEDULE EVERY 2 HOUR STARTS '2030-01-01 00:00:00' ENDS '2031-01-01 00:00:00' DO DELETE FROM t"},
		up: []string{"ALTER EVENT `e` ON SCHEDULE EVERY 2 HOUR STARTS '2030-01-01 00:00:00' ENDS '2031-01-01 00:00:00'"}},
	{name: "event_disable_preserve_comment", from: []string{"CREATE EVENT e ON SCHEDULE EVERY 1 DAY DO SELECT 1"},
		to: []string{"CREATE EVENT e ON SCHEDULE EVERY 1 DAY ON COMPLETION PRESERVE DISABLE COMMENT 'paused' DO SELECT 1"},
		up: []string{"ALTER EVENT `e` ON SCHEDULE EVERY 1 DAY ON COMPLETION PRESERVE DISABLE COMMENT 'paused' DO SELECT 1"}},
	{name: "event_block_body", from: []string{"CREATE TABLE t (id INT)"},
		to: []string{"CREATE TABLE t (id INT)", "CREATE EVENT e ON SCHEDULE EVERY '1:30' HOUR_MINUTE DO BEGIN DELETE FROM t; INSERT INTO t VALUES (1); END"},
		up: []string{"EVERY '1:30' HOUR_MINUTE"}},
	{name: "event_one_time_drop", from: []string{"CREATE EVENT once ON SCHEDULE AT '2035-01-01 00:00:00' ON COMPLETION PRESERVE DO SELECT 1"},
		to: nil, up: []string{"DROP EVENT `once`"}},

	// Functions and procedures.
	{name: "procedure_create", from: []string{"CREATE TABLE t (id INT, v VARCHAR(10))"},
		to: []string{"CREATE TABLE t (id INT, v VARCHAR(10))",
			"CREATE PROCEDURE p(IN a INT, OUT n INT, INOUT s VARCHAR(10)) MODIFIES SQL DATA SQL SECURITY INVOKER COMMENT 'adds' BEGIN INSERT INTO t VALUES (a, s); SELECT COUNT(*) INTO n FROM t; SET s = 'done'; END"},
		up: []string{"CREATE PROCEDURE `p`(IN a INT, OUT n INT, INOUT s VARCHAR(10))\nMODIFIES SQL DATA SQL SECURITY INVOKER COMMENT 'adds'\nBEGIN INSERT"}},
	{name: "function_change", from: []string{"CREATE FUNCTION f(x INT) RETURNS INT DETERMINISTIC RETURN x + 1"},
		to: []string{"CREATE FUNCTION f(x INT, y VARCHAR(5) CHARSET latin1) RETURNS VARCHAR(20) DETERMINISTIC BEGIN DECLARE z INT DEFAULT 2; RETURN CONCAT(x * z, y); END"},
		up: []string{"DROP FUNCTION `f`", "CREATE FUNCTION `f`(x INT, y VARCHAR(5) CHARSET latin1) RETURNS varchar(20)\nDETERMINISTIC\nBEGIN DECLARE"}},
	{name: "routines_drop", from: []string{"CREATE PROCEDURE p() SELECT 1", "CREATE FUNCTION f() RETURNS INT RETURN 1"},
		to: nil, up: []string{"DROP PROCEDURE `p`", "DROP FUNCTION `f`"}},

	// Triggers with block bodies.
	{name: "trigger_block_body", from: []string{"CREATE TABLE t (id INT, v VARCHAR(10))"},
		to: []string{"CREATE TABLE t (id INT, v VARCHAR(10))",
			"CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW BEGIN IF NEW.v IS NULL THEN SET NEW.v = 'none'; END IF; SET NEW.id = COALESCE(NEW.id, 0); END"},
		up: []string{"CREATE TRIGGER `tr` BEFORE INSERT ON `t` FOR EACH ROW BEGIN IF"}},
	{name: "trigger_change", from: []string{"CREATE TABLE t (id INT)", "CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW SET NEW.id = 1"},
		to: []string{"CREATE TABLE t (id INT)", "CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW SET NEW.id = 2"},
		up: []string{"DROP TRIGGER `tr`", "SET NEW.id = 2"}},

	{name: "trigger_order", from: []string{"CREATE TABLE t (id INT)"},
		to: []string{"CREATE TABLE t (id INT)", "CREATE TRIGGER z_first BEFORE INSERT ON t FOR EACH ROW SET NEW.id = NEW.id * 2",
			"CREATE TRIGGER a_second BEFORE INSERT ON t FOR EACH ROW SET NEW.id = NEW.id + 1"},
		up: []string{"CREATE TRIGGER `z_first` BEFORE INSERT ON `t` FOR EACH ROW SET", "CREATE TRIGGER `a_second` BEFORE INSERT ON `t` FOR EACH ROW FOLLOWS `z_first` SET"}},
	{name: "trigger_order_first_recreated", from: []string{"CREATE TABLE t (id INT)", "CREATE TRIGGER a BEFORE INSERT ON t FOR EACH ROW SET NEW.id = 1",
		"CREATE TRIGGER b BEFORE INSERT ON t FOR EACH ROW SET NEW.id = NEW.id + 1"},
		to: []string{"CREATE TABLE t (id INT)", "CREATE TRIGGER a BEFORE INSERT ON t FOR EACH ROW SET NEW.id = 5",
			"CREATE TRIGGER b BEFORE INSERT ON t FOR EACH ROW SET NEW.id = NEW.id + 1"},
		up: []string{"CREATE TRIGGER `a` BEFORE INSERT ON `t` FOR EACH ROW PRECEDES `b` SET NEW.id = 5"}},
	{name: "trigger_order_swapped", from: []string{"CREATE TABLE t (id INT)", "CREATE TRIGGER a BEFORE INSERT ON t FOR EACH ROW SET NEW.id = 1",
		"CREATE TRIGGER b BEFORE INSERT ON t FOR EACH ROW SET NEW.id = NEW.id + 1"},
		to: []string{"CREATE TABLE t (id INT)", "CREATE TRIGGER b BEFORE INSERT ON t FOR EACH ROW SET NEW.id = NEW.id + 1",
			"CREATE TRIGGER a BEFORE INSERT ON t FOR EACH ROW FOLLOWS b SET NEW.id = 1"},
		up: []string{"FOLLOWS `b` SET NEW.id = 1"}},

	// Table options.
	{name: "engine", from: []string{"CREATE TABLE t (id INT PRIMARY KEY) ENGINE=InnoDB"},
		to: []string{"CREATE TABLE t (id INT PRIMARY KEY) ENGINE=Aria"}, up: []string{"ALTER TABLE `t` ENGINE = Aria"}},
	{name: "row_format", from: []string{"CREATE TABLE t (id INT PRIMARY KEY)"},
		to: []string{"CREATE TABLE t (id INT PRIMARY KEY) ROW_FORMAT=COMPACT"}, up: []string{"ALTER TABLE `t` ROW_FORMAT = COMPACT"}},
	{name: "row_format_change", from: []string{"CREATE TABLE t (id INT PRIMARY KEY) ROW_FORMAT=REDUNDANT"},
		to: []string{"CREATE TABLE t (id INT PRIMARY KEY) ROW_FORMAT=DYNAMIC"}, up: []string{"ROW_FORMAT = DYNAMIC"}},
	{name: "charset", from: []string{"CREATE TABLE t (id INT PRIMARY KEY, a VARCHAR(10), b TEXT COLLATE utf8mb4_bin, c VARCHAR(5) CHARACTER SET ascii) DEFAULT CHARSET=utf8mb4"},
		to: []string{"CREATE TABLE t (id INT PRIMARY KEY, a VARCHAR(10), b TEXT COLLATE utf8mb4_bin, c VARCHAR(5) CHARACTER SET ascii) DEFAULT CHARSET=latin1"},
		up: []string{"ALTER TABLE `t` DEFAULT CHARACTER SET latin1 COLLATE latin1_swedish_ci, MODIFY COLUMN `a` varchar(10) NULL"}},
	{name: "collation", from: []string{"CREATE TABLE t (id INT PRIMARY KEY, a VARCHAR(10)) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci"},
		to: []string{"CREATE TABLE t (id INT PRIMARY KEY, a VARCHAR(10)) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci"},
		up: []string{"DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci, MODIFY COLUMN `a`"}},
	{name: "comment", from: []string{"CREATE TABLE t (id INT PRIMARY KEY)"},
		to: []string{"CREATE TABLE t (id INT PRIMARY KEY) COMMENT 'hot'"}, up: []string{"COMMENT = 'hot'"}},

	// Partitions.
	{name: "partition_add_range", from: []string{"CREATE TABLE t (id INT PRIMARY KEY)"},
		to: []string{"CREATE TABLE t (id INT PRIMARY KEY) PARTITION BY RANGE (id) (PARTITION p0 VALUES LESS THAN (10), PARTITION p1 VALUES LESS THAN (20) COMMENT 'second')"},
		up: []string{"ALTER TABLE `t` PARTITION BY RANGE (`id`) (PARTITION `p0` VALUES LESS THAN (10), PARTITION `p1` VALUES LESS THAN (20) COMMENT = 'second')"}},
	{name: "partition_range_grow_and_drop", from: []string{"CREATE TABLE t (id INT PRIMARY KEY) PARTITION BY RANGE (id) (PARTITION p0 VALUES LESS THAN (10), PARTITION p1 VALUES LESS THAN (20))"},
		to: []string{"CREATE TABLE t (id INT PRIMARY KEY) PARTITION BY RANGE (id) (PARTITION p1 VALUES LESS THAN (20), PARTITION p2 VALUES LESS THAN (30), PARTITION pmax VALUES LESS THAN MAXVALUE)"},
		up: []string{"ALTER TABLE `t` DROP PARTITION `p0`", "ALTER TABLE `t` ADD PARTITION (PARTITION `p2` VALUES LESS THAN (30), PARTITION `pmax` VALUES LESS THAN MAXVALUE)"}},
	{name: "partition_range_split", from: []string{"CREATE TABLE t (id INT PRIMARY KEY) PARTITION BY RANGE (id) (PARTITION p0 VALUES LESS THAN (10), PARTITION pmax VALUES LESS THAN MAXVALUE)"},
		to: []string{"CREATE TABLE t (id INT PRIMARY KEY) PARTITION BY RANGE (id) (PARTITION p0 VALUES LESS THAN (10), PARTITION p1 VALUES LESS THAN (20), PARTITION pmax VALUES LESS THAN MAXVALUE)"},
		up: []string{"ALTER TABLE `t` PARTITION BY RANGE (`id`) (PARTITION `p0`"}},
	{name: "partition_list", from: []string{"CREATE TABLE t (id INT NOT NULL) PARTITION BY LIST (id) (PARTITION a VALUES IN (1, 2), PARTITION b VALUES IN (3))"},
		to: []string{"CREATE TABLE t (id INT NOT NULL) PARTITION BY LIST (id) (PARTITION a VALUES IN (1, 2), PARTITION c VALUES IN (4, 5))"},
		up: []string{"DROP PARTITION `b`", "ADD PARTITION (PARTITION `c` VALUES IN (4,5))"}},
	{name: "partition_hash_count", from: []string{"CREATE TABLE t (id INT PRIMARY KEY) PARTITION BY HASH (id) PARTITIONS 2"},
		to: []string{"CREATE TABLE t (id INT PRIMARY KEY) PARTITION BY HASH (id) PARTITIONS 4"}, up: []string{"PARTITION BY HASH (`id`) PARTITIONS 4"}},
	{name: "partition_key_columns", from: []string{"CREATE TABLE t (a INT, b VARCHAR(5)) PARTITION BY KEY (a) PARTITIONS 3"},
		to: []string{"CREATE TABLE t (a INT, b VARCHAR(5)) PARTITION BY RANGE COLUMNS (a, b) (PARTITION x VALUES LESS THAN (1, 'm'), PARTITION y VALUES LESS THAN (MAXVALUE, MAXVALUE))"},
		up: []string{"PARTITION BY RANGE COLUMNS(`a`,`b`) (PARTITION `x` VALUES LESS THAN (1,'m')"}},
	{name: "partition_sub", from: []string{"CREATE TABLE t (id INT NOT NULL, d DATE NOT NULL)"},
		to: []string{"CREATE TABLE t (id INT NOT NULL, d DATE NOT NULL) PARTITION BY RANGE (YEAR(d)) SUBPARTITION BY HASH (id) SUBPARTITIONS 2 (PARTITION p0 VALUES LESS THAN (2020), PARTITION p1 VALUES LESS THAN MAXVALUE)"},
		up: []string{"SUBPARTITION BY HASH (`id`) SUBPARTITIONS 2"}},
	{name: "partition_with_primary_key_change", from: []string{"CREATE TABLE t (id INT NOT NULL, d DATE NOT NULL, PRIMARY KEY (id))"},
		to: []string{"CREATE TABLE t (id INT NOT NULL, d DATE NOT NULL, PRIMARY KEY (id, d)) PARTITION BY RANGE COLUMNS (d) (PARTITION p2020 VALUES LESS THAN ('2021-01-01'), PARTITION pmax VALUES LESS THAN (MAXVALUE))"},
		up: []string{"ADD PRIMARY KEY (`id`, `d`)", "PARTITION BY RANGE COLUMNS(`d`)"}},
	{name: "partition_remove", from: []string{"CREATE TABLE t (id INT PRIMARY KEY) PARTITION BY KEY () PARTITIONS 2"},
		to: []string{"CREATE TABLE t (id INT PRIMARY KEY)"}, up: []string{"ALTER TABLE `t` REMOVE PARTITIONING"}},
	{name: "partition_create_table", from: nil,
		to: []string{"CREATE TABLE t (id INT NOT NULL) ROW_FORMAT=COMPACT PARTITION BY LIST (id) (PARTITION a VALUES IN (1), PARTITION b VALUES IN (NULL, 2))"},
		up: []string{"ROW_FORMAT=COMPACT\nPARTITION BY LIST (`id`) (PARTITION `a` VALUES IN (1), PARTITION `b` VALUES IN (NULL,2))"}},
}

// TestMigrateObjects runs each case's upgrade and downgrade on the server
// and compares the result with the DDL run directly.
func TestMigrateObjects(t *testing.T) {
	for _, tc := range objectCases {
		t.Run(tc.name, func(t *testing.T) {
			db, _ := freshDB(t)
			direct, _ := freshDB(t)
			schematest.Exec(t, db, tc.from...)
			schematest.Exec(t, direct, tc.to...)
			live := schematest.Reflect(t, Dialect{}, db)
			want := schematest.Reflect(t, Dialect{}, direct)

			ops, err := diff.Schemas(live, want, diffOpts)
			if err != nil {
				t.Fatal(err)
			}
			up, err := Dialect{}.Render(ops, live, dialect.RenderOptions{})
			if err != nil {
				t.Fatal(err)
			}
			joined := strings.Join(up, ";\n")
			for _, s := range tc.up {
				if !strings.Contains(joined, s) {
					t.Errorf("upgrade lacks %q:\n%s", s, joined)
				}
			}
			schematest.Exec(t, db, up...)
			got := schematest.Reflect(t, Dialect{}, db)
			if dumpFull(got) != dumpFull(want) {
				t.Errorf("upgraded database differs\nSQL:\n%s\n--- direct:\n%s\n--- upgraded:\n%s", joined, dumpFull(want), dumpFull(got))
			}
			schematest.NoDiff(t, got, want, diffOpts)

			down, err := Dialect{}.Render(op.ReverseAll(ops), got, dialect.RenderOptions{})
			if err != nil {
				t.Fatal(err)
			}
			schematest.Exec(t, db, down...)
			back := schematest.Reflect(t, Dialect{}, db)
			if dumpFull(back) != dumpFull(live) {
				t.Errorf("downgraded database differs\nSQL:\n%s\n--- before:\n%s\n--- downgraded:\n%s", strings.Join(down, ";\n"), dumpFull(live), dumpFull(back))
			}
			schematest.NoDiff(t, back, live, diffOpts)
		})
	}
}
