package mysql

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/retortdb/retort/schema"
)

// Stored functions and procedures are SQL objects of kinds "function"
// and "procedure", created before tables (views and triggers call them)
// and changed by a drop and a create: MySQL 8 has no CREATE OR REPLACE
// for routines. Their text is rebuilt from information_schema in the form
// a user writes: no DEFINER (the creating user owns it), characteristics
// only when not the default, a result's character set only when not the
// database's, so the scratch and the live database agree. The parameter
// list is MariaDB's as written (mysql.proc, what SHOW CREATE shows), else
// rebuilt from information_schema.PARAMETERS (MySQL 8, or a user who may
// not read mysql.proc), with a character set only when not the database's.

// routineParam is one row of information_schema.PARAMETERS.
type routineParam struct{ mode, name, typ, charset string }

func (r *reflector) loadRoutines(ctx context.Context) error {
	params, err := r.routineParams(ctx)
	if err != nil {
		return err
	}
	written := r.writtenParams(ctx)
	const q = `SELECT ROUTINE_TYPE, ROUTINE_NAME, COALESCE(DTD_IDENTIFIER, ''), COALESCE(CHARACTER_SET_NAME, ''),
  ROUTINE_DEFINITION, IS_DETERMINISTIC, SQL_DATA_ACCESS, SECURITY_TYPE, ROUTINE_COMMENT, COALESCE(DATABASE_COLLATION, '')
FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ? AND ROUTINE_TYPE IN ('FUNCTION', 'PROCEDURE')
ORDER BY ROUTINE_TYPE, ROUTINE_NAME`
	return r.query(ctx, "routines", q, func(rows *sql.Rows) error {
		var typ, name, returns, retCharset, deterministic, access, security, comment, dbColl string
		var body sql.NullString
		if err := rows.Scan(&typ, &name, &returns, &retCharset, &body, &deterministic, &access, &security, &comment, &dbColl); err != nil {
			return err
		}
		if !body.Valid {
			return fmt.Errorf("the body of %s %s is hidden from this user (it needs to own the routine or hold SHOW_ROUTINE / SELECT on mysql.proc)", strings.ToLower(typ), name)
		}
		dbCharset, _, _ := strings.Cut(dbColl, "_")
		var ps []string
		for _, p := range params[typ+" "+name] {
			ps = append(ps, strings.TrimSpace(p.mode+" "+quote(p.name)+" "+p.typ+charsetClause(p.charset, dbCharset)))
		}
		list, ok := written[typ+" "+name]
		if !ok {
			list = strings.Join(ps, ", ")
		}
		head := typ + " " + quote(name) + "(" + list + ")"
		if typ == "FUNCTION" {
			head += " RETURNS " + returns + charsetClause(retCharset, dbCharset)
		}
		var chars []string
		if deterministic == "YES" {
			chars = append(chars, "DETERMINISTIC")
		}
		if access != "CONTAINS SQL" {
			chars = append(chars, access)
		}
		if security != "DEFINER" {
			chars = append(chars, "SQL SECURITY "+security)
		}
		if comment != "" {
			chars = append(chars, "COMMENT "+literal(comment))
		}
		def := head
		if len(chars) > 0 {
			def += "\n" + strings.Join(chars, " ")
		}
		def += "\n" + r.unqualify(body.String)
		kind := strings.ToLower(typ)
		r.s.Objects = append(r.s.Objects, &schema.SQLObject{
			Kind: kind, Name: name, Definition: def,
			Create: []string{"CREATE " + def},
			Drop:   []string{"DROP " + typ + " " + quote(name)},
			Phase:  schema.BeforeTables,
		})
		return nil
	})
}

// routineParams reads every routine's parameters, in order, keyed by
// "TYPE name".
func (r *reflector) routineParams(ctx context.Context) (map[string][]routineParam, error) {
	const q = `SELECT ROUTINE_TYPE, SPECIFIC_NAME, COALESCE(PARAMETER_MODE, ''), COALESCE(PARAMETER_NAME, ''),
  DTD_IDENTIFIER, COALESCE(CHARACTER_SET_NAME, '')
FROM information_schema.PARAMETERS WHERE SPECIFIC_SCHEMA = ? AND ORDINAL_POSITION > 0
ORDER BY ROUTINE_TYPE, SPECIFIC_NAME, ORDINAL_POSITION`
	out := map[string][]routineParam{}
	err := r.query(ctx, "routine parameters", q, func(rows *sql.Rows) error {
		var typ, routine string
		var p routineParam
		if err := rows.Scan(&typ, &routine, &p.mode, &p.name, &p.typ, &p.charset); err != nil {
			return err
		}
		if typ == "FUNCTION" {
			p.mode = "" // function parameters are always IN and take no mode
		}
		out[typ+" "+routine] = append(out[typ+" "+routine], p)
		return nil
	})
	return out, err
}

// writtenParams reads MariaDB's parameter lists as written, keyed by
// "TYPE name"; nil where mysql.proc cannot be read (MySQL 8 has none).
func (r *reflector) writtenParams(ctx context.Context) map[string]string {
	if !r.mariadb {
		return nil
	}
	rows, err := r.q.QueryContext(ctx, "SELECT type, name, param_list FROM mysql.proc WHERE db = ? AND type IN ('FUNCTION', 'PROCEDURE')", r.db)
	if err != nil {
		return nil
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var typ, name string
		var list []byte
		if rows.Scan(&typ, &name, &list) != nil {
			return nil
		}
		out[typ+" "+name] = strings.TrimSpace(string(list))
	}
	if rows.Err() != nil {
		return nil
	}
	return out
}

func charsetClause(cs, dbCharset string) string {
	if cs == "" || cs == dbCharset {
		return ""
	}
	return " CHARSET " + cs
}
