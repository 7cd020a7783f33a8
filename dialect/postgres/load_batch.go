package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/sqlsplit"
)

// A scratch load runs its statements in transactions: one commit per
// batch instead of per statement is about 1.5x faster. Every lock a
// transaction takes (about 15 for a table with a key, a unique, an index
// and foreign keys) holds a slot of the server's shared lock table until
// the commit, so a batch stays under half of it; the rest is left to the
// server's other sessions.

// loadStmt is one statement of a schema file.
type loadStmt struct {
	file string
	sqlsplit.Stmt
}

// Locks per byte of statement text, the unit a batch is sized in: a
// first guess above what schemas measure (about 1 per 20 bytes), and the
// floor the measured rate is kept above.
const (
	loadLocksPerByteFirst = 1.0 / 8
	loadLocksPerByteMin   = 1.0 / 32
)

// loadOutOfMemory is SQLSTATE 53200, which a full lock table gives ("out
// of shared memory").
const loadOutOfMemory = "53200"

// loadBatcher runs statements in lock-bounded transactions on one
// connection.
type loadBatcher struct {
	d       Dialect
	conn    *sql.Conn
	budget  float64 // lock slots a batch may take
	perByte float64 // locks a byte of statement text is expected to take
	batches int     // transactions committed, for tests
	peak    float64 // most locks a transaction held, for tests
}

// loadLockBudget reads the size of the server's lock table (the part
// max_locks_per_transaction promises) and returns half of it.
func loadLockBudget(ctx context.Context, q dialect.Querier) (float64, error) {
	var slots float64
	err := q.QueryRowContext(ctx, `SELECT current_setting('max_locks_per_transaction')::float8
 * (current_setting('max_connections')::float8 + current_setting('max_prepared_transactions')::float8)`).Scan(&slots)
	if err != nil {
		return 0, fmt.Errorf("read the server's lock table size (max_locks_per_transaction): %w", err)
	}
	return slots / 2, nil
}

// loadSplit splits the files into statements, failing as ExecFile does.
func (d Dialect) loadSplit(files []dialect.SourceFile) ([]loadStmt, error) {
	var out []loadStmt
	for _, f := range files {
		stmts, err := dialect.SplitFile(d, f)
		if err != nil {
			return nil, err
		}
		for _, s := range stmts {
			out = append(out, loadStmt{file: f.Name, Stmt: s})
		}
	}
	return out, nil
}

// run executes stmts in order, batch by batch.
func (b *loadBatcher) run(ctx context.Context, stmts []loadStmt) error {
	for len(stmts) > 0 {
		n, size := 0, 0
		for n < len(stmts) && (n == 0 || float64(size+len(stmts[n].SQL))*b.perByte <= b.budget) {
			size += len(stmts[n].SQL)
			n++
		}
		if err := b.batch(ctx, stmts[:n], size); err != nil {
			return err
		}
		stmts = stmts[n:]
	}
	return nil
}

// batch runs stmts in one transaction and learns their lock rate. When
// the transaction fails for another reason than cancellation, it is
// rolled back and the statements run one by one as autocommits, so a
// refusal names its statement as it would alone, and a statement that
// cannot run in a transaction block (CREATE INDEX CONCURRENTLY) or ran
// out of lock slots still loads.
func (b *loadBatcher) batch(ctx context.Context, stmts []loadStmt, size int) error {
	err := b.tx(ctx, stmts, size)
	if err == nil {
		b.batches++
		return nil
	}
	if ctx.Err() != nil {
		return err // a *LoadError names the statement that was running
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) && pe.Code == loadOutOfMemory {
		b.perByte = max(b.perByte*2, loadLocksPerByteFirst)
	}
	for _, s := range stmts {
		if err := b.exec(ctx, b.conn, s); err != nil {
			return err
		}
	}
	return nil
}

// tx runs stmts in one transaction (sendTx), and sets the rate for the
// next batch from the locks it held.
func (b *loadBatcher) tx(ctx context.Context, stmts []loadStmt, size int) error {
	locks, err := b.sendTx(ctx, stmts)
	if err != nil || locks < 0 {
		return err // an unread count keeps the rate
	}
	b.peak = max(b.peak, locks)
	if size > 0 {
		b.perByte = max(locks/float64(size)*1.25, loadLocksPerByteMin)
	}
	return nil
}

// exec runs one statement; a refusal is the *LoadError ExecFile gives.
func (b *loadBatcher) exec(ctx context.Context, q dialect.Querier, s loadStmt) error {
	if _, err := q.ExecContext(ctx, s.SQL); err != nil {
		return &dialect.LoadError{File: s.file, Line: s.Line, SQL: s.SQL, Msg: b.d.DescribeError(err), Err: err}
	}
	return nil
}

// loadBatched runs the statements (loadSplit's) on conn in lock-bounded
// transactions, after the load guard has passed every one of them.
func (d Dialect) loadBatched(ctx context.Context, conn *sql.Conn, stmts []loadStmt) error {
	for i := 0; i < len(stmts); {
		j := i
		var own []sqlsplit.Stmt
		for ; j < len(stmts) && stmts[j].file == stmts[i].file; j++ {
			own = append(own, stmts[j].Stmt)
		}
		if err := dialect.GuardStatements(ctx, d, conn, stmts[i].file, own); err != nil {
			return err
		}
		i = j
	}
	budget, err := loadLockBudgetOf(ctx, conn)
	if err != nil {
		return err
	}
	b := &loadBatcher{d: d, conn: conn, budget: budget, perByte: loadLocksPerByteFirst}
	err = b.run(ctx, stmts)
	loadBatchesHook(b.batches, b.peak)
	return err
}

// Test hooks: the lock budget, and what a load did (transactions
// committed, most locks one held).
var (
	loadLockBudgetOf = loadLockBudget
	loadBatchesHook  = func(batches int, peakLocks float64) {}
)
