package mysql

// migrateCases are the changes MariaDB rejects or loses when rendered the
// obvious way; TestMigrateRoundTrip runs each up and down.
var migrateCases = []migrateCase{
	// Generated columns: MariaDB modifies only a STORED column into a
	// regular one (keeping its values) and a generated column's
	// expression; every other switch is a drop and re-add.
	{
		name:    "generated_virtual_to_stored",
		current: []string{"CREATE TABLE t (id INT PRIMARY KEY, a INT, g INT AS (a * 2) VIRTUAL, z INT, KEY t_g (g), KEY t_ag (a, g), CONSTRAINT t_g_pos CHECK (g >= 0))"},
		desired: []string{"CREATE TABLE t (id INT PRIMARY KEY, a INT, g INT AS (a * 2) STORED, z INT, KEY t_g (g), KEY t_ag (a, g), CONSTRAINT t_g_pos CHECK (g >= 0))"},
		rows:    []string{"INSERT INTO t (id, a, z) VALUES (1, 2, 3)"},
		kept:    "SELECT id, a, g, z FROM t",
	},
	{
		name:    "regular_to_generated",
		current: []string{"CREATE TABLE t (id INT PRIMARY KEY, a INT, g INT, z INT, UNIQUE KEY t_g_key (g))"},
		desired: []string{"CREATE TABLE t (id INT PRIMARY KEY, a INT, g INT AS (a * 2) VIRTUAL, z INT, UNIQUE KEY t_g_key (g))"},
		rows:    []string{"INSERT INTO t (id, a, z) VALUES (1, 2, 3)"},
		kept:    "SELECT id, a, z FROM t",
	},
	{
		name:    "stored_to_regular",
		current: []string{"CREATE TABLE t (id INT PRIMARY KEY, a INT, g INT AS (a * 2) STORED, z INT)"},
		desired: []string{"CREATE TABLE t (id INT PRIMARY KEY, a INT, g INT, z INT)"},
		rows:    []string{"INSERT INTO t (id, a, z) VALUES (1, 2, 3)"},
		kept:    "SELECT id, a, g, z FROM t",
	},
	{
		name:    "generated_expression_change",
		current: []string{"CREATE TABLE t (id INT PRIMARY KEY, a INT, g INT AS (a * 2) VIRTUAL)"},
		desired: []string{"CREATE TABLE t (id INT PRIMARY KEY, a INT, g INT AS (a * 3) VIRTUAL)"},
	},
	{
		name:    "virtual_to_regular",
		current: []string{"CREATE TABLE t (id INT PRIMARY KEY, n INT, d INT AS (n * 2) VIRTUAL, z INT)"},
		desired: []string{"CREATE TABLE t (id INT PRIMARY KEY, n INT, d INT, z INT)"},
	},
	// AUTO_INCREMENT must be a key in the same ALTER that makes it.
	{
		name:    "drop_auto_increment_pk",
		current: []string{"CREATE TABLE t (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, name VARCHAR(20))"},
		desired: []string{"CREATE TABLE t (name VARCHAR(20))"},
		rows:    []string{"INSERT INTO t (name) VALUES ('a')"},
		kept:    "SELECT name FROM t",
	},
	{
		name:    "add_auto_increment_pk",
		current: []string{"CREATE TABLE t (name VARCHAR(20))"},
		desired: []string{"CREATE TABLE t (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, name VARCHAR(20))"},
		rows:    []string{"INSERT INTO t VALUES ('a'), ('b')"},
		kept:    "SELECT name FROM t ORDER BY name",
	},
	{
		name:    "auto_increment_pk_moves",
		current: []string{"CREATE TABLE t (code INT NOT NULL PRIMARY KEY, name VARCHAR(20))"},
		desired: []string{"CREATE TABLE t (code INT NOT NULL, id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, name VARCHAR(20))"},
		rows:    []string{"INSERT INTO t VALUES (7, 'a')"},
		kept:    "SELECT code, name FROM t",
	},
	{
		name:    "existing_column_becomes_auto_increment_pk",
		current: []string{"CREATE TABLE t (id INT NOT NULL, name VARCHAR(20), UNIQUE KEY t_name (name))"},
		desired: []string{"CREATE TABLE t (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, name VARCHAR(20), UNIQUE KEY t_name (name))"},
		rows:    []string{"INSERT INTO t VALUES (5, 'a')"},
		kept:    "SELECT id, name FROM t",
	},
	// The downgrade of an added key drops the index InnoDB made for it,
	// and only that one.
	{
		name:    "add_fk_downgrade_drops_its_index",
		current: []string{"CREATE TABLE users (id INT PRIMARY KEY)", "CREATE TABLE posts (id INT PRIMARY KEY, user_id INT, editor_id INT, KEY posts_editor (editor_id, id))"},
		desired: []string{"CREATE TABLE users (id INT PRIMARY KEY)", "CREATE TABLE posts (id INT PRIMARY KEY, user_id INT, editor_id INT, KEY posts_editor (editor_id, id), " +
			"FOREIGN KEY (user_id) REFERENCES users (id), FOREIGN KEY (editor_id) REFERENCES users (id))"},
	},
	// A primary key change with the nullability that goes with it.
	{
		name:    "pk_gains_nullable_column",
		current: []string{"CREATE TABLE t (a INT NOT NULL PRIMARY KEY, b INT)"},
		desired: []string{"CREATE TABLE t (a INT NOT NULL, b INT NOT NULL, PRIMARY KEY (a, b))"},
		rows:    []string{"INSERT INTO t VALUES (1, 2)"},
		kept:    "SELECT a, b FROM t",
	},
	{
		name:    "pk_moves_to_nullable_column",
		current: []string{"CREATE TABLE t (a INT NOT NULL PRIMARY KEY, b INT)"},
		desired: []string{"CREATE TABLE t (a INT, b INT NOT NULL PRIMARY KEY)"},
		rows:    []string{"INSERT INTO t VALUES (1, 2)"},
		kept:    "SELECT a, b FROM t",
	},
	// Index algorithms other than the engine's default.
	{
		name:    "index_using",
		current: []string{"CREATE TABLE m (id INT, a INT, KEY m_a (a)) ENGINE=MEMORY", "CREATE TABLE t (id INT PRIMARY KEY, d TEXT)"},
		desired: []string{"CREATE TABLE m (id INT, a INT, KEY m_a (a) USING BTREE) ENGINE=MEMORY", "CREATE TABLE t (id INT PRIMARY KEY, d TEXT, UNIQUE KEY t_d (d) USING HASH)"},
	},
	// A check written on a column stays on the column.
	{
		name:    "column_check_added",
		current: []string{"CREATE TABLE t (id INT PRIMARY KEY, qty INT)"},
		desired: []string{"CREATE TABLE t (id INT PRIMARY KEY, qty INT CHECK (qty >= 0), CONSTRAINT t_id CHECK (id > 0))"},
	},
	{
		name:    "column_check_survives_type_change",
		current: []string{"CREATE TABLE t (id INT PRIMARY KEY, n INT CHECK (n > 0))"},
		desired: []string{"CREATE TABLE t (id INT PRIMARY KEY, n BIGINT CHECK (n > 0))"},
	},
	{
		name:    "column_check_dropped",
		current: []string{"CREATE TABLE t (id INT PRIMARY KEY, n INT CHECK (n > 0))"},
		desired: []string{"CREATE TABLE t (id INT PRIMARY KEY, n INT)"},
	},
	// Portable spellings: no display widths, no implied collation.
	{
		name:    "portable_types",
		current: []string{"CREATE TABLE t (id INT PRIMARY KEY)"},
		desired: []string{"CREATE TABLE t (id INT PRIMARY KEY, a INT(11), b BIGINT(20) UNSIGNED, c TINYINT(1) NOT NULL DEFAULT 0, d INT(5) ZEROFILL, e YEAR(4), " +
			"f VARCHAR(10) CHARACTER SET latin1, g VARCHAR(10) CHARACTER SET latin1 COLLATE latin1_bin)"},
	},
	{
		name:    "column_check_to_table_check",
		current: []string{"CREATE TABLE t (id INT PRIMARY KEY, qty INT CHECK (qty >= 0))"},
		desired: []string{"CREATE TABLE t (id INT PRIMARY KEY, qty INT, CONSTRAINT qty CHECK (qty >= 0))"},
	},
}
