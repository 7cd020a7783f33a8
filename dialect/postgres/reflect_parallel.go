package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync"

	"github.com/jackc/pgx/v5/pgtype"
)

// reflWorkers is how many connections a reflection of a pool uses. On
// 500 tables the queries take 190 ms one after the other; three
// connections finish them in the time of the longest chain (relations,
// constraints, indexes), a fourth only adds a cold backend (issue #15).
var reflWorkers = 3

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
	{what: "indexes", fn: (*reflector).indexes, after: []string{"tables and views", "constraints"}},
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
// does), so the whole reflection sees one state of the catalogs. A step
// starts once those it reads are done; each connection has its own
// reflector, sharing the schema under construction, whose steps write
// disjoint parts of it. ok is false, with nothing read, when the
// snapshot cannot be shared (a server without pg_export_snapshot): the
// caller then reflects sequentially.
func (r *reflector) parallel(db *sql.DB) (ok bool, err error) {
	ctx, cancel := context.WithCancel(r.ctx)
	defer cancel()
	type worker struct {
		conn *sql.Conn
		tx   *sql.Tx
		err  error
	}
	workers := make([]*worker, reflWorkers)
	begin := func(w *worker) {
		if w.conn, w.err = db.Conn(ctx); w.err != nil {
			return
		}
		w.tx, w.err = w.conn.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true})
	}
	defer func() {
		for _, w := range workers {
			if w != nil && w.tx != nil {
				_ = w.tx.Rollback() // read only: nothing to keep
			}
			if w != nil && w.conn != nil {
				_ = w.conn.Close()
			}
		}
	}()
	// The other connections open while the first exports its snapshot.
	var opened sync.WaitGroup
	for i := range workers {
		workers[i] = &worker{}
		if i > 0 {
			opened.Add(1)
			go func(w *worker) { defer opened.Done(); begin(w) }(workers[i])
		}
	}
	first := workers[0]
	begin(first)
	var snapshot string
	if first.err == nil {
		r.q = first.tx
		if err := r.searchPath(); err != nil {
			first.err = fmt.Errorf("search path: %w", err)
		}
	}
	if first.err == nil {
		if err := first.tx.QueryRowContext(ctx, `SELECT pg_export_snapshot()`).Scan(&snapshot); err != nil {
			cancel()
			opened.Wait()
			return false, nil
		}
	}
	opened.Wait()
	if first.err != nil {
		return true, fmt.Errorf("reflect PostgreSQL: %w", first.err)
	}
	var live []*worker
	for _, w := range workers {
		if w != first && w.err == nil {
			if _, err := w.tx.ExecContext(ctx, `SET TRANSACTION SNAPSHOT `+literal(snapshot)); err != nil {
				return false, nil
			}
		}
		if w.err == nil {
			live = append(live, w)
		}
	}
	// A connection that did not open leaves its share to the others.
	s := reflSchedule{pending: append([]reflStep(nil), reflSteps...), done: map[string]bool{}}
	s.cond = sync.NewCond(&s.mu)
	var wg sync.WaitGroup
	for _, w := range live {
		wr := *r
		wr.q, wr.ctx, wr.arrays = w.tx, ctx, pgtype.NewMap()
		wg.Add(1)
		go func() {
			defer wg.Done()
			for st := s.next(); st != nil; st = s.next() {
				err := st.fn(&wr)
				if err != nil {
					err = fmt.Errorf("reflect PostgreSQL %s: %w", st.what, err)
				}
				// Recorded before the others are cancelled, so the
				// error is the cause, not their cancellation.
				s.finish(st, err)
				if err != nil {
					cancel()
				}
			}
		}()
	}
	wg.Wait()
	return true, s.err
}

// reflSchedule hands out the steps whose dependencies are done.
type reflSchedule struct {
	mu      sync.Mutex
	cond    *sync.Cond
	pending []reflStep
	running int
	done    map[string]bool
	err     error
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
	s.cond.Broadcast()
}
