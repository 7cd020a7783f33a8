package mysql

import (
	"context"
	"database/sql"
	"fmt"
	"regexp"

	"github.com/retortdb/retort/schema"
)

// MariaDB keeps no catalog of application-time periods (PERIOD FOR p
// (s, e)) before 11.4; each shows as a check constraint named after the
// period, "`s` < `e`", which reflection models like any check. Only the
// tables holding such a check, found in one query, are read with SHOW
// CREATE TABLE to tell a period from a check written by hand; there are
// seldom any.

var rePeriod = regexp.MustCompile("(?m)^\\s*PERIOD FOR `((?:[^`]|``)+)` \\((.*)\\)\\s*,?$")

const invPeriodCandidatesSQL = "SELECT DISTINCT TABLE_NAME FROM information_schema.CHECK_CONSTRAINTS\n" +
	"WHERE CONSTRAINT_SCHEMA = ? AND CHECK_CLAUSE REGEXP '^`[^`]+` < `[^`]+`$'"

// periods lists the application-time periods of the database's tables.
func (r *reflector) periods(ctx context.Context) ([]schema.Object, error) {
	var tables []string
	if err := r.query(ctx, "application-time period candidates", invPeriodCandidatesSQL, func(rows *sql.Rows) error {
		var t string
		if err := rows.Scan(&t); err != nil {
			return err
		}
		if r.tables[t] != nil {
			tables = append(tables, t)
		}
		return nil
	}); err != nil {
		return nil, err
	}
	var out []schema.Object
	for _, t := range tables {
		var name, ddl string
		if err := r.q.QueryRowContext(ctx, "SHOW CREATE TABLE "+quote(r.db)+"."+quote(t)).Scan(&name, &ddl); err != nil {
			return nil, fmt.Errorf("reflect application-time periods of %s.%s: %w", r.db, t, err)
		}
		for _, m := range rePeriod.FindAllStringSubmatch(ddl, -1) {
			out = append(out, schema.Object{Kind: "application-time period", Table: t, Name: m[1], Definition: "(" + m[2] + ")"})
		}
	}
	return out, nil
}
