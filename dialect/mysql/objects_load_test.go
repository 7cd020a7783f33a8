package mysql

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/diff"
	"github.com/retortdb/retort/internal/schematest"
	"github.com/retortdb/retort/sqlsplit"
)

// A desired schema written for the mysql client (DELIMITER lines, block
// bodies) loads like the same objects created directly, a second or more
// apart: an event's implicit STARTS is the moment of its creation in each
// database and must not make them differ.
func TestLoadDesiredObjects(t *testing.T) {
	const src = `CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(10)) ROW_FORMAT=COMPACT
PARTITION BY RANGE (id) (PARTITION p0 VALUES LESS THAN (100), PARTITION p1 VALUES LESS THAN MAXVALUE);

DELIMITER //
CREATE PROCEDURE fill(IN n INT)
BEGIN
  DECLARE i INT DEFAULT 0;
  WHILE i < n DO
    INSERT INTO t VALUES (i, 'x');
    SET i = i + 1;
  END WHILE;
END//
CREATE FUNCTION twice(x INT) RETURNS INT DETERMINISTIC
BEGIN
  RETURN x * 2;
END //
DELIMITER ;

CREATE TRIGGER t_up BEFORE UPDATE ON t FOR EACH ROW
BEGIN
  IF NEW.v IS NULL THEN SET NEW.v = OLD.v; END IF;
END;

CREATE EVENT purge_old ON SCHEDULE EVERY 1 DAY DO BEGIN DELETE FROM t WHERE id < 0; END;
`
	direct, u := freshDB(t)
	stmts, err := sqlsplitMySQL(src)
	if err != nil {
		t.Fatal(err)
	}
	schematest.Exec(t, direct, stmts...)
	want := schematest.Reflect(t, Dialect{}, direct)
	time.Sleep(1500 * time.Millisecond) // the scratch database's objects are created later
	got, err := Dialect{}.LoadDesired(context.Background(), u, "", []dialect.SourceFile{{Name: "schema.sql", SQL: src}})
	if err != nil {
		t.Fatal(err)
	}
	if dumpFull(got) != dumpFull(want) {
		t.Errorf("loaded schema differs\n--- direct:\n%s\n--- loaded:\n%s", dumpFull(want), dumpFull(got))
	}
	for _, k := range []string{"event\x00\x00\x00purge_old", "procedure\x00\x00\x00fill", "function\x00\x00\x00twice"} {
		if got.Object(k) == nil {
			t.Errorf("loaded schema lacks %s", strings.ReplaceAll(k, "\x00", " "))
		}
	}
	schematest.NoDiff(t, got, want, diffOpts)
	for i := 1; i < len(got.Objects); i++ {
		if got.Objects[i-1].Key() > got.Objects[i].Key() {
			t.Errorf("objects not sorted by key: %s before %s", got.Objects[i-1].Label(), got.Objects[i].Label())
		}
	}
}

// An explicit STARTS is kept: changing it is a change, not hidden by the
// normalization of the implicit one.
func TestEventExplicitStartIsCompared(t *testing.T) {
	a, _ := freshDB(t)
	b, _ := freshDB(t)
	schematest.Exec(t, a, "CREATE EVENT e ON SCHEDULE EVERY 1 DAY STARTS '2030-01-01 00:00:00' DO SELECT 1")
	schematest.Exec(t, b, "CREATE EVENT e ON SCHEDULE EVERY 1 DAY STARTS '2030-01-02 00:00:00' DO SELECT 1")
	ops, err := diff.Schemas(schematest.Reflect(t, Dialect{}, a), schematest.Reflect(t, Dialect{}, b), diffOpts)
	if err != nil {
		t.Fatal(err)
	}
	if len(ops) != 1 || !strings.Contains(ops[0].String(), "alter event e") {
		t.Fatalf("want one alter of event e, got %v", ops)
	}
}

func sqlsplitMySQL(src string) ([]string, error) {
	parts, err := sqlsplit.SplitWith(src, Dialect{}.SplitOptions())
	if err != nil {
		return nil, err
	}
	var out []string
	for _, p := range parts {
		out = append(out, p.SQL)
	}
	return out, nil
}

// The scratch database takes the target database's default character set
// and collation, so a table written without one compares equal.
func TestLoadDesiredTakesTargetDefaults(t *testing.T) {
	db, u := freshDB(t)
	schematest.Exec(t, db, "ALTER DATABASE "+quote(strings.TrimPrefix(u.Path, "/"))+" CHARACTER SET latin1 COLLATE latin1_general_ci",
		"CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(10))")
	want := schematest.Reflect(t, Dialect{}, db)
	got, err := Dialect{}.LoadDesired(context.Background(), u, "", []dialect.SourceFile{{Name: "schema.sql", SQL: "CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(10));"}})
	if err != nil {
		t.Fatal(err)
	}
	if got.Table("", "t").Options[optCollation] != "latin1_general_ci" {
		t.Errorf("scratch table options %v, want the target's latin1_general_ci", got.Table("", "t").Options)
	}
	schematest.NoDiff(t, got, want, diffOpts)
}

// offFullMinute waits until the clock is clear of a full minute, so that a
// time relative to it does not land on one (which reads as written out).
func offFullMinute() {
	for s := time.Now().Second(); s >= 58 || s <= 1; s = time.Now().Second() {
		time.Sleep(200 * time.Millisecond)
	}
}

// Times written relative to the clock compare as their offsets, wherever
// and whenever the event was created, and are rendered as offsets; a
// different offset is a change.
func TestEventClockRelativeTimes(t *testing.T) {
	const ddl = "CREATE EVENT once ON SCHEDULE AT CURRENT_TIMESTAMP + INTERVAL 1 HOUR DO SELECT 1;\n" +
		"CREATE EVENT daily ON SCHEDULE EVERY 1 DAY STARTS CURRENT_TIMESTAMP + INTERVAL 1 DAY ENDS CURRENT_TIMESTAMP + INTERVAL 30 DAY DO SELECT 2;"
	a, _ := freshDB(t)
	b, u := freshDB(t)
	stmts, err := sqlsplitMySQL(ddl)
	if err != nil {
		t.Fatal(err)
	}
	offFullMinute()
	schematest.Exec(t, a, stmts...)
	live := schematest.Reflect(t, Dialect{}, a)
	time.Sleep(1200 * time.Millisecond)
	offFullMinute()
	loaded, err := Dialect{}.LoadDesired(context.Background(), u, "", []dialect.SourceFile{{Name: "schema.sql", SQL: ddl}})
	if err != nil {
		t.Fatal(err)
	}
	schematest.NoDiff(t, live, loaded, diffOpts)
	for key, want := range map[string]string{
		"event\x00\x00\x00once":  "AT CURRENT_TIMESTAMP + INTERVAL 60 MINUTE",
		"event\x00\x00\x00daily": "STARTS CURRENT_TIMESTAMP + INTERVAL 1440 MINUTE ENDS CURRENT_TIMESTAMP + INTERVAL 43200 MINUTE",
	} {
		if o := live.Object(key); o == nil || !strings.Contains(o.Definition, want) {
			t.Errorf("%q: definition %v lacks %q", strings.ReplaceAll(key, "\x00", " "), o, want)
		}
	}

	// Rendered into another database later, the events read the same.
	time.Sleep(1200 * time.Millisecond)
	offFullMinute()
	schematest.Exec(t, b, renderDiff(t, nil, live)...)
	schematest.NoDiff(t, schematest.Reflect(t, Dialect{}, b), live, diffOpts)

	// Another offset is a change, made in place.
	offFullMinute()
	schematest.Exec(t, b, "ALTER EVENT once ON SCHEDULE AT CURRENT_TIMESTAMP + INTERVAL 2 HOUR")
	ops, err := diff.Schemas(schematest.Reflect(t, Dialect{}, b), live, diffOpts)
	if err != nil {
		t.Fatal(err)
	}
	if len(ops) != 1 || !strings.Contains(ops[0].String(), "alter event once") {
		t.Fatalf("want one alter of event once, got %v", ops)
	}
}
