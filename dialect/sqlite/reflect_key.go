package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/retortdb/retort/schema"
)

// reflKeyQuery returns, in one row, everything Reflect's result depends
// on: the exact SQLite source and its compile options (the pragmas'
// behaviour, which virtual table modules exist), and every sqlite_master
// row in the order SQLite reads them, each field prefixed by its length
// in characters so that no two schemas concatenate alike. The pragmas
// reflection joins are computed from this text alone.
const reflKeyQuery = `SELECT sqlite_source_id(),
  (SELECT group_concat(compile_options, ',') FROM pragma_compile_options),
  (SELECT group_concat(length(type) || ':' || type || length(name) || ':' || name ||
     length(tbl_name) || ':' || tbl_name || coalesce(length(sql) || ':' || sql, '-'), '')
   FROM main.sqlite_master)`

// ReflectKeyed implements dialect.KeyedReflector. The key and the
// reflection run in one read transaction on one connection, so a
// concurrent migration cannot slip between them.
func (d Dialect) ReflectKeyed(ctx context.Context, db *sql.DB, cached func(key []byte) *schema.Schema) (s *schema.Schema, key []byte, hit bool, err error) {
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, nil, false, fmt.Errorf("reflecting SQLite schema: connecting: %w", err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "BEGIN"); err != nil {
		return nil, nil, false, fmt.Errorf("reflecting SQLite schema: BEGIN: %w", err)
	}
	defer func() {
		if _, rerr := conn.ExecContext(context.WithoutCancel(ctx), "ROLLBACK"); rerr != nil && err == nil {
			s, key, hit, err = nil, nil, false, fmt.Errorf("reflecting SQLite schema: ROLLBACK: %w", rerr)
		}
	}()
	var source, options, master sql.NullString
	if err := conn.QueryRowContext(ctx, reflKeyQuery).Scan(&source, &options, &master); err != nil {
		return nil, nil, false, fmt.Errorf("reflecting SQLite schema: %s: %w", reflKeyQuery, err)
	}
	key = fmt.Appendf(nil, "%d:%s%d:%s%d:%s", len(source.String), source.String, len(options.String), options.String, len(master.String), master.String)
	if s := cached(key); s != nil {
		return s, key, true, nil
	}
	s, err = d.Reflect(ctx, conn)
	if err != nil {
		return nil, nil, false, err
	}
	return s, key, false, nil
}
