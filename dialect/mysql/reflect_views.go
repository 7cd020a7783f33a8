package mysql

import (
	"context"
	"database/sql"
	"strings"

	"github.com/retortdb/retort/schema"
)

// loadViews reads every view with its options. ALGORITHM (MariaDB only:
// MySQL 8's VIEWS has no such column), SQL SECURITY and CHECK OPTION are
// kept, in View.Options, when not the defaults (UNDEFINED, DEFINER,
// NONE). DEFINER is left out: it names an account of the server the view
// was created on, so it differs between deployments of the same schema;
// a created view gets the connected user.
func (r *reflector) loadViews(ctx context.Context) error {
	algorithm := "'UNDEFINED'"
	if r.mariadb {
		algorithm = "ALGORITHM"
	}
	q := `SELECT TABLE_NAME, VIEW_DEFINITION, CHECK_OPTION, SECURITY_TYPE, ` + algorithm + `
FROM information_schema.VIEWS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME`
	return r.query(ctx, "views", q, func(rows *sql.Rows) error {
		var name, def, check, security, alg string
		if err := rows.Scan(&name, &def, &check, &security, &alg); err != nil {
			return err
		}
		// The server qualifies every name with the database; drop it so a
		// view reads the same in the scratch database and the target.
		def = strings.ReplaceAll(def, quote(r.db)+".", "")
		v := &schema.View{Name: name, Def: def, Options: viewOptions(alg, security, check)}
		v.SQL = createView(v)
		r.s.Views = append(r.s.Views, v)
		return nil
	})
}

// viewOptions lists the options that are not the defaults.
func viewOptions(algorithm, security, check string) string {
	var opts []string
	if algorithm != "" && algorithm != "UNDEFINED" {
		opts = append(opts, "algorithm="+algorithm)
	}
	if check != "" && check != "NONE" {
		opts = append(opts, "check_option="+check)
	}
	if security != "" && security != "DEFINER" {
		opts = append(opts, "sql_security="+security)
	}
	return strings.Join(opts, ", ")
}
