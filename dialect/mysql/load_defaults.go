package mysql

import (
	"context"
	"database/sql"
	"net/url"
	"strings"
)

// targetDefaults is the " CHARACTER SET x COLLATE y" of the target
// database, for the scratch database: a table the desired schema creates
// without a character set takes the database's, and table options are
// compared, so the scratch database must have the target's defaults. ""
// when the target database does not exist yet (the server's defaults).
func targetDefaults(ctx context.Context, admin *sql.DB, target *url.URL) string {
	db := strings.TrimPrefix(target.Path, "/")
	if db == "" {
		return ""
	}
	var cs, coll string
	err := admin.QueryRowContext(ctx, `SELECT DEFAULT_CHARACTER_SET_NAME, DEFAULT_COLLATION_NAME
FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?`, db).Scan(&cs, &coll)
	if err != nil || cs == "" || coll == "" {
		return ""
	}
	return " CHARACTER SET " + cs + " COLLATE " + coll
}
