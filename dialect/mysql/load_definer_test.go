package mysql

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/schematest"
	"github.com/retortdb/retort/internal/testdb"
)

// A dump names the account that made each view, trigger, routine and
// event; naming another one needs SET USER (SUPER on MySQL). An account
// with all rights on its own database alone loads such a dump, and the
// objects are there as the dump has them but for the definer.
func TestLoadDesiredForeignDefiner(t *testing.T) {
	admin, target := freshDB(t)
	dev := testdb.MySQL(t)
	user := "rd_" + strings.TrimPrefix(strings.TrimPrefix(target.Path, "/"), "retort_t_")
	schematest.Exec(t, admin, "CREATE USER '"+user+"'@'%'", "GRANT ALL ON `"+strings.TrimPrefix(dev.Path, "/")+"`.* TO '"+user+"'@'%'")
	t.Cleanup(func() { _, _ = admin.Exec("DROP USER IF EXISTS '" + user + "'@'%'") })
	devURL := *dev
	devURL.User = url.User(user)

	src := "CREATE TABLE t (id INT PRIMARY KEY, n INT);\n" +
		"/*!50001 CREATE ALGORITHM=UNDEFINED */\n/*!50013 DEFINER=`root`@`localhost` SQL SECURITY DEFINER */\n/*!50001 VIEW `v` AS select `t`.`id` AS `id` from `t` */;\n" +
		"DELIMITER ;;\n/*!50003 CREATE*/ /*!50017 DEFINER=`root`@`localhost`*/ /*!50003 TRIGGER tr BEFORE INSERT ON t FOR EACH ROW SET NEW.n = 1 */;;\n" +
		"CREATE DEFINER=`root`@`localhost` PROCEDURE `p`()\nBEGIN\n  SELECT 'DEFINER=`x`@`y`';\nEND ;;\n" +
		"CREATE DEFINER='root'@'%' FUNCTION f() RETURNS INT DETERMINISTIC RETURN 1;;\n" +
		"/*!50106 CREATE*/ /*!50117 DEFINER=`root`@`localhost`*/ /*!50106 EVENT `e` ON SCHEDULE EVERY 1 DAY STARTS '2030-01-01 00:00:00' DO DELETE FROM t */ ;;\n" +
		"CREATE OR REPLACE DEFINER = CURRENT_USER() VIEW w AS SELECT 1 AS one;;\nDELIMITER ;\n"
	s, err := Dialect{}.LoadDesired(context.Background(), target, devURL.String(), []dialect.SourceFile{{Name: "dump.sql", SQL: src}})
	if err != nil {
		t.Fatal(err)
	}
	got := dump(s)
	for _, want := range []string{"view v select `t`.`id` AS `id` from `t`", "view w select 1 AS `one`", "trigger tr on t: "} {
		if !strings.Contains(got, want) {
			t.Errorf("reflected schema lacks %q:\n%s", want, got)
		}
	}
	var objects []string
	for _, o := range s.Objects {
		objects = append(objects, o.Kind+" "+o.Name)
		if o.Name == "p" && !strings.Contains(o.Definition, "'DEFINER=`x`@`y`'") {
			t.Errorf("the procedure's body changed: %s", o.Definition)
		}
	}
	if g := strings.Join(objects, ", "); g != "event e, function f, procedure p" {
		t.Errorf("objects %s, want event e, function f, procedure p", g)
	}
}

func TestWithoutDefiner(t *testing.T) {
	cases := []struct{ stmt, want string }{
		{"/*!50001 CREATE ALGORITHM=UNDEFINED */\n/*!50013 DEFINER=`root`@`localhost` SQL SECURITY DEFINER */\n/*!50001 VIEW `v` AS select 1 */",
			"/*!50001 CREATE ALGORITHM=UNDEFINED */\n/*!50013  SQL SECURITY DEFINER */\n/*!50001 VIEW `v` AS select 1 */"},
		{"/*!50003 CREATE*/ /*!50017 DEFINER=`r``x`@`%`*/ /*!50003 TRIGGER tr BEFORE INSERT ON t FOR EACH ROW SET NEW.n = 1 */",
			"/*!50003 CREATE*/ /*!50017 */ /*!50003 TRIGGER tr BEFORE INSERT ON t FOR EACH ROW SET NEW.n = 1 */"},
		{"CREATE DEFINER='app'@'10.0.%' PROCEDURE p() SELECT 'DEFINER=`x`@`y`'", "CREATE  PROCEDURE p() SELECT 'DEFINER=`x`@`y`'"},
		{"CREATE OR REPLACE DEFINER = root@localhost FUNCTION f() RETURNS INT RETURN 1", "CREATE OR REPLACE  FUNCTION f() RETURNS INT RETURN 1"},
		{"CREATE DEFINER=CURRENT_USER() EVENT e ON SCHEDULE EVERY 1 DAY DO SELECT 1", "CREATE  EVENT e ON SCHEDULE EVERY 1 DAY DO SELECT 1"},
		// Only the clause before the object's kind.
		{"CREATE VIEW v AS SELECT 'DEFINER=`x`@`y`' AS definer", ""},
		{"CREATE TABLE t (definer varchar(9) DEFAULT 'DEFINER=a')", ""},
		{"ALTER DEFINER=`a`@`b` VIEW v AS SELECT 1", ""},
	}
	for _, tc := range cases {
		want := tc.want
		if want == "" {
			want = tc.stmt
		}
		if got := withoutDefiner(tc.stmt); got != want {
			t.Errorf("withoutDefiner(%q)\n= %q\nwant %q", tc.stmt, got, want)
		}
	}
}
