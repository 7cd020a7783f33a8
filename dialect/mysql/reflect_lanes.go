package mysql

import (
	"context"
	"database/sql"
	"fmt"
	"sync"
)

// step is one part of a reflection; it queries through r.q.
type step func(r *reflector, ctx context.Context) error

// connPool is a *sql.DB: the live reflection of check and diff gets one.
// The runner and the scratch loads pass a *sql.Conn or *sql.Tx (under
// retort's lock, or in a transaction), which must stay the one session.
type connPool interface {
	Conn(context.Context) (*sql.Conn, error)
	Stats() sql.DBStats
}

// runLanes runs the lanes, each a list of steps in order. Given a pool
// that allows more than one connection, each lane runs on a connection
// of its own, concurrently: MariaDB serves each connection in a thread
// of its own, and a whole-catalog information_schema query keeps one
// core busy. That is no weaker than running them one after another:
// MariaDB's data dictionary is not transactional, so the catalog queries
// of one session never read one snapshot either; a DDL statement that
// runs during a reflection can show in some steps and not in others
// either way. Given anything else the lanes run one after another on r.q.
//
// Lanes share r: each step writes only what no step of another lane
// reads or writes (its own fields of the tables, or its own lists).
func (r *reflector) runLanes(ctx context.Context, lanes ...[]step) error {
	pool, ok := r.q.(connPool)
	if !ok || pool.Stats().MaxOpenConnections == 1 {
		for _, lane := range lanes {
			for _, s := range lane {
				if err := s(r, ctx); err != nil {
					return err
				}
			}
		}
		return nil
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	// The first failure, not what cancelling the other lanes made of
	// theirs: the driver can report an interrupted query as a bad
	// connection rather than as context.Canceled.
	var mu sync.Mutex
	var first error
	var wg sync.WaitGroup
	for _, lane := range lanes {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := r.runLane(ctx, pool, lane); err != nil {
				mu.Lock()
				if first == nil {
					first = err
				}
				mu.Unlock()
				cancel()
			}
		}()
	}
	wg.Wait()
	return first
}

func (r *reflector) runLane(ctx context.Context, pool connPool, lane []step) error {
	conn, err := pool.Conn(ctx)
	if err != nil {
		return fmt.Errorf("reflect database %s: open one more connection to read the catalog with: %w", r.db, err)
	}
	defer conn.Close()
	sub := *r // the same tables and schema, another connection
	sub.q = conn
	for _, s := range lane {
		if err := s(&sub, ctx); err != nil {
			return err
		}
	}
	return nil
}
