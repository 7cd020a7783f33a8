package postgres

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"sync"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/retortdb/retort/dialect"
)

// reflWorkers is how many connections a reflection of a pool uses. On
// 500 tables the queries take 190 ms one after the other; two run the
// census of unmanaged objects beside the tables' queries. Each new
// backend pays its cold catalog caches (40-70 ms of server CPU here), so
// on the 2-core machine of issue #15 a third did not win clearly.
var reflWorkers = 2

// reflStep is one query of the reflection and the steps whose results
// it reads (the tables by oid; the exclusion constraints by index).
type reflStep struct {
	what  string
	fn    func(*reflector) error
	after []string
}

// reflSteps in the order a single connection runs them, which is also
// the order of preference of the parallel run (longest chains first).
var reflSteps = []reflStep{
	{what: "tables and views", fn: (*reflector).relations},
	{what: "unmanaged objects", fn: (*reflector).inventory},
	{what: "columns", fn: (*reflector).columns, after: []string{"tables and views"}},
	{what: "constraints", fn: (*reflector).constraints, after: []string{"tables and views"}},
	{what: "key columns", fn: (*reflector).keyColumns, after: []string{"columns", "constraints"}},
	{what: "indexes", fn: (*reflector).indexes, after: []string{"tables and views"}},
	{what: "checks", fn: (*reflector).checks, after: []string{"tables and views"}},
	{what: "exclusion indexes", fn: (*reflector).joinExclusionIndexes, after: []string{"constraints", "indexes"}},
	// SQL objects count the columns that own a sequence.
	{what: "SQL objects", fn: (*reflector).sqlObjects, after: []string{"tables and views", "columns"}},
	{what: "triggers", fn: (*reflector).triggers},
	{what: "enum types", fn: (*reflector).enums},
}

// sequential runs the steps one after the other on r's Querier.
func (r *reflector) sequential() error {
	for _, st := range reflSteps {
		if err := st.fn(r); err != nil {
			return fmt.Errorf("reflect PostgreSQL %s: %w", st.what, err)
		}
	}
	return nil
}

// parallel runs the steps on up to reflWorkers connections of db, each in
// a read-only transaction on the snapshot of the first (what pg_dump -j
// does), so the whole reflection sees one state of the catalogs. The
// first starts at once; the others join as they open, and a step starts
// once those it reads are done. Each connection has its own reflector,
// sharing the schema under construction, whose steps write disjoint
// parts of it. ok is false, with nothing read, when the first cannot
// export its snapshot: the caller then reflects sequentially.
func (r *reflector) parallel(db *sql.DB) (ok bool, err error) {
	// ctx ends only when the reflection fails: ending it otherwise would
	// make pgx send a cancel request for the ROLLBACK, which could reach
	// the backend after the pool has handed it to the next statement.
	// opening ends when there is no more work, for the connections still
	// opening then.
	ctx, cancel := context.WithCancel(r.ctx)
	defer cancel()
	opening, noMoreWork := context.WithCancel(ctx)
	defer noMoreWork()
	s := &reflSchedule{pending: append([]reflStep(nil), reflSteps...), done: map[string]bool{}, failed: cancel, over: noMoreWork}
	s.cond = sync.NewCond(&s.mu)
	work := func(q dialect.Querier) {
		wr := *r
		wr.q, wr.ctx = q, ctx
		for st := s.next(); st != nil; st = s.next() {
			err := st.fn(&wr)
			if err != nil {
				err = fmt.Errorf("reflect PostgreSQL %s: %w", st.what, err)
			}
			s.finish(st, err)
		}
	}
	// The other connections open while the first exports its snapshot;
	// one that does not open or import it leaves its share to the others.
	var snapshot string
	exported := make(chan struct{})
	var wg sync.WaitGroup
	defer wg.Wait()
	for i := 1; i < reflWorkers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			tx, end, err := reflBegin(opening, ctx, db)
			if err != nil {
				return
			}
			defer end()
			<-exported
			if snapshot == "" {
				return
			}
			if _, err := tx.ExecContext(ctx, `SET TRANSACTION SNAPSHOT `+literal(snapshot)); err == nil {
				work(tx)
			}
		}()
	}
	tx, end, err := reflBegin(ctx, ctx, db)
	if err != nil {
		close(exported)
		return true, fmt.Errorf("reflect PostgreSQL: %w", err)
	}
	defer end()
	r.q = tx
	if err := r.searchPath(); err != nil {
		close(exported)
		return true, fmt.Errorf("reflect PostgreSQL search path: %w", err)
	}
	if err := tx.QueryRowContext(ctx, `SELECT pg_export_snapshot()`).Scan(&snapshot); err != nil {
		snapshot = ""
		close(exported)
		return false, nil
	}
	close(exported)
	work(tx)
	s.wait()
	return true, s.err
}

// reflBegin opens a connection of db (within opening) in a read-only
// repeatable read transaction (ending with ctx); end rolls it back and
// returns the connection to the pool, or closes it once ctx has ended,
// since a cancel request pgx sent may still be on its way to it.
func reflBegin(opening, ctx context.Context, db *sql.DB) (*sql.Tx, func(), error) {
	conn, err := db.Conn(opening)
	if err != nil {
		return nil, nil, err
	}
	tx, err := conn.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true})
	if err != nil {
		reflDiscard(conn)
		return nil, nil, err
	}
	return tx, func() {
		if ctx.Err() != nil {
			reflDiscard(conn)
			return
		}
		if tx.Rollback() != nil { // read only: nothing to keep
			reflDiscard(conn)
			return
		}
		conn.Close()
	}, nil
}

// reflDiscard closes conn's session instead of returning it to the pool.
func reflDiscard(conn *sql.Conn) {
	_ = conn.Raw(func(any) error { return driver.ErrBadConn })
	conn.Close()
}

// reflSchedule hands out the steps whose dependencies are done.
type reflSchedule struct {
	mu      sync.Mutex
	cond    *sync.Cond
	pending []reflStep
	running int
	done    map[string]bool
	err     error
	failed  func() // called when a step fails
	over    func() // called once nothing is left to run, or a step failed
}

// next returns the first pending step that can run, waiting while those
// running may unblock one; nil when there is nothing left or a step failed.
func (s *reflSchedule) next() *reflStep {
	s.mu.Lock()
	defer s.mu.Unlock()
	for {
		if s.err != nil || len(s.pending) == 0 {
			return nil
		}
		for i, st := range s.pending {
			if s.ready(st) {
				s.pending = append(s.pending[:i:i], s.pending[i+1:]...)
				s.running++
				return &st
			}
		}
		if s.running == 0 {
			s.err = errors.New("reflect PostgreSQL: the steps' dependencies form a cycle")
			return nil
		}
		s.cond.Wait()
	}
}

func (s *reflSchedule) ready(st reflStep) bool {
	for _, a := range st.after {
		if !s.done[a] {
			return false
		}
	}
	return true
}

// finish records a step's end and wakes the connections waiting on it;
// the first error stops the schedule and is the reflection's.
func (s *reflSchedule) finish(st *reflStep, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.running--
	s.done[st.what] = true
	if err != nil && s.err == nil {
		s.err = err
	}
	if s.err != nil {
		s.failed() // stops the other queries
	}
	if s.err != nil || s.running == 0 && len(s.pending) == 0 {
		s.over() // stops the connections still opening
	}
	s.cond.Broadcast()
}

// wait returns once no step runs any more.
func (s *reflSchedule) wait() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for s.running > 0 {
		s.cond.Wait()
	}
}

// reflOutOfLocks reports SQLSTATE 53200 (out_of_memory), what the server
// answers when its lock table (max_locks_per_transaction) is full.
func reflOutOfLocks(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && pe.Code == "53200"
}
