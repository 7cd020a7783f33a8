package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"strings"
	"time"
)

// openMemory is the path that names a private in-memory database.
const openMemory = ":memory:"

// Open implements dialect.Dialect. Every connection gets foreign keys on and
// a busy timeout; every transaction is BEGIN IMMEDIATE, so concurrent
// migrators queue on the write lock instead of failing halfway. The file's
// journal mode is left as the user has it (WAL persists in the file, and a
// read-only command must not change it); a URL option such as
// _pragma=journal_mode(WAL) sets it explicitly.
func (Dialect) Open(ctx context.Context, u *url.URL) (*sql.DB, error) {
	path := u.Path
	if path == "" {
		path = u.Opaque
	}
	if path == "" {
		return nil, fmt.Errorf("SQLite URL %q names no database file", u.String())
	}
	q, err := openOptions(path, u.RawQuery)
	if err != nil {
		return nil, err
	}
	db, err := driverOpen(path, q)
	if err != nil {
		return nil, fmt.Errorf("opening SQLite database %s: %w", path, err)
	}
	if path == openMemory {
		// Each connection to :memory: would be a separate, empty database.
		db.SetMaxOpenConns(1)
		db.SetMaxIdleConns(1)
		db.SetConnMaxLifetime(0)
		db.SetConnMaxIdleTime(0)
	}
	if err := openPing(ctx, db); err != nil {
		db.Close()
		return nil, fmt.Errorf("opening SQLite database %s: %w", path, err)
	}
	return db, nil
}

// openPing connects once, retrying while the file is busy: a URL that asks
// for WAL switches the file, which needs an exclusive lock, and SQLite does
// not call the busy handler for that, so several processes opening one
// fresh database at the same moment would otherwise fail with SQLITE_BUSY.
func openPing(ctx context.Context, db *sql.DB) error {
	deadline := time.Now().Add(openBusyWait)
	for wait := time.Millisecond; ; wait = min(wait*2, 100*time.Millisecond) {
		err := db.PingContext(ctx)
		code, _, ok := driverCode(err)
		if err == nil || !ok || code&0xff != codeBusy || time.Now().After(deadline) {
			return err
		}
		select {
		case <-ctx.Done():
			return err
		case <-time.After(wait):
		}
	}
}

// openBusyWait matches the busy_timeout every connection gets.
const openBusyWait = 10 * time.Second

// openOptions gives the driver options: the user's own, then retort's
// defaults for whatever the user did not set. Pragmas are in the form
// _pragma=name(value), which every driver file understands.
func openOptions(path, rawQuery string) (url.Values, error) {
	user, err := url.ParseQuery(rawQuery)
	if err != nil {
		return nil, fmt.Errorf("SQLite URL for %s has malformed options %q: %w", path, rawQuery, err)
	}
	set := map[string]bool{}
	for _, p := range user["_pragma"] {
		name, _, _ := strings.Cut(p, "(")
		name, _, _ = strings.Cut(name, "=")
		set[strings.ToLower(strings.TrimSpace(name))] = true
	}
	q := url.Values{}
	for k, vs := range user {
		q[k] = append([]string(nil), vs...)
	}
	add := func(pragma, value string) {
		if !set[pragma] {
			q.Add("_pragma", pragma+"("+value+")")
		}
	}
	add("foreign_keys", "1")
	add("busy_timeout", "10000")
	if q.Get("_txlock") == "" {
		q.Set("_txlock", "immediate")
	}
	return q, nil
}

// openDSN is the path followed by openOptions, the DSN form
// modernc.org/sqlite takes.
func openDSN(path, rawQuery string) (string, error) {
	q, err := openOptions(path, rawQuery)
	if err != nil {
		return "", err
	}
	return dsnOf(path, q), nil
}

func dsnOf(path string, q url.Values) string { return path + "?" + q.Encode() }
