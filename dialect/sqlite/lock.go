package sqlite

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/retortdb/retort/dialect"
)

// Lock implements dialect.Dialect with an OS file lock (flock on Unix,
// LockFileEx on Windows) held for the whole run. BEGIN IMMEDIATE alone
// serializes single transactions, not runs: an upgrade and a downgrade
// would interleave revision by revision. The lock belongs to the open
// file, so two connections of one process exclude each other too, and
// the OS drops it when the process dies. In-memory and temporary
// databases are private to their connection and need no lock.
func (Dialect) Lock(ctx context.Context, conn *sql.Conn, opts dialect.LockOptions) (func() error, error) {
	db, err := mainFile(ctx, conn)
	if err != nil {
		return nil, err
	}
	if db == "" {
		return func() error { return nil }, nil
	}
	path := lockFilePath(db)
	f, writable, err := openLockFile(path)
	if err != nil {
		return nil, fmt.Errorf("opening the migration lock file %s for %s failed: %w", path, db, err)
	}
	try := func(context.Context) (bool, error) {
		ok, err := tryLock(f)
		if err != nil {
			return false, fmt.Errorf("locking the migration lock file %s failed: %w", path, err)
		}
		return ok, nil
	}
	if err := dialect.AwaitLock(ctx, opts, try, func(context.Context) string { return lockHolder(f, path) }); err != nil {
		f.Close()
		return nil, err
	}
	if writable {
		// Only a hint for a waiter's report; the lock works without it.
		_ = f.Truncate(0)
		_, _ = f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	}
	return f.Close, nil
}

// mainFile is the file of conn's main database, "" for an in-memory or
// temporary one.
func mainFile(ctx context.Context, conn *sql.Conn) (string, error) {
	rows, err := conn.QueryContext(ctx, "PRAGMA database_list")
	if err != nil {
		return "", fmt.Errorf("finding the database file for the migration lock (PRAGMA database_list) failed: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var seq int
		var name, file string
		if err := rows.Scan(&seq, &name, &file); err != nil {
			return "", fmt.Errorf("reading PRAGMA database_list failed: %w", err)
		}
		if name == "main" {
			return file, nil
		}
	}
	if err := rows.Err(); err != nil {
		return "", fmt.Errorf("reading PRAGMA database_list failed: %w", err)
	}
	return "", nil
}

// lockFilePath names the lock file of database file db in the temporary
// directory, not next to db: retort must not litter the user's
// directories, and db's directory may be read-only. The name is a hash of
// db's absolute, symlink-resolved path, so every path to one file meets
// at one lock.
func lockFilePath(db string) string {
	p, err := filepath.Abs(db)
	if err != nil {
		p = db
	}
	if r, err := filepath.EvalSymlinks(p); err == nil {
		p = r
	} else if dir, err := filepath.EvalSymlinks(filepath.Dir(p)); err == nil {
		p = filepath.Join(dir, filepath.Base(p)) // db not created yet
	}
	sum := sha256.Sum256([]byte(p))
	return filepath.Join(os.TempDir(), "retort-"+hex.EncodeToString(sum[:8])+".lock")
}

// lockHolder describes the holder from the pid it wrote into the file.
func lockHolder(f *os.File, path string) string {
	buf := make([]byte, 32)
	n, _ := f.ReadAt(buf, 0)
	pid, err := strconv.Atoi(strings.TrimSpace(string(buf[:n])))
	switch {
	case err != nil:
		return fmt.Sprintf("another retort process (lock file %s)", path)
	case pid == os.Getpid():
		return fmt.Sprintf("another connection of this process, pid %d (lock file %s)", pid, path)
	}
	return fmt.Sprintf("another retort process, pid %d (lock file %s)", pid, path)
}
