package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/retortdb/retort/dialect"
)

var (
	createIndexConcRe = regexp.MustCompile(`(?is)^\s*CREATE\s+(?:UNIQUE\s+)?INDEX\s+CONCURRENTLY\s+(?:IF\s+NOT\s+EXISTS\s+)?(` + identRe + `)\s+ON\b`)
	dropIndexConcRe   = regexp.MustCompile(`(?is)^\s*DROP\s+INDEX\s+CONCURRENTLY\s+(?:IF\s+EXISTS\s+)?(` + identRe + `)\s*(?:CASCADE|RESTRICT)?\s*;?\s*$`)
	addValueRe        = regexp.MustCompile(`(?is)^\s*ALTER\s+TYPE\s+(` + identRe + `)\s+ADD\s+VALUE\s+(?:IF\s+NOT\s+EXISTS\s+)?'((?:[^']|'')*)'`)
	repeatableRe      = regexp.MustCompile(`(?is)^\s*(VACUUM|ANALYZE|REINDEX|ALTER\s+SYSTEM|CHECKPOINT)\b`)
)

// CommitsImplicitly implements dialect.ImplicitCommitter: in a stepwise
// plan only the statements that refuse a transaction run on their own.
func (Dialect) CommitsImplicitly(stmt string) bool { return noTxRe.MatchString(prepHead(stmt)) }

// Effect implements dialect.Resumer. Index builds, index drops and enum
// values are proven by CheckInFlight; maintenance statements may run again.
func (Dialect) Effect(stmt string) dialect.Effect {
	if repeatableRe.MatchString(prepHead(stmt)) {
		return dialect.EffectRepeatable
	}
	return dialect.EffectOpaque
}

// CheckInFlight implements dialect.InFlightChecker for the statements
// PostgreSQL runs outside a transaction.
func (Dialect) CheckInFlight(ctx context.Context, q dialect.Querier, stmt string) (dialect.InFlightVerdict, []string, error) {
	head := prepHead(stmt)
	if m := createIndexConcRe.FindStringSubmatch(head); m != nil {
		valid, found, err := indexValid(ctx, q, m[1])
		switch {
		case err != nil:
			return dialect.InFlightUnknown, nil, err
		case !found:
			return dialect.InFlightNotApplied, nil, nil
		case valid:
			return dialect.InFlightApplied, nil, nil
		}
		// A failed or interrupted build leaves an INVALID index behind.
		return dialect.InFlightNotApplied, []string{"DROP INDEX CONCURRENTLY IF EXISTS " + m[1]}, nil
	}
	if m := dropIndexConcRe.FindStringSubmatch(head); m != nil {
		_, found, err := indexValid(ctx, q, m[1])
		switch {
		case err != nil:
			return dialect.InFlightUnknown, nil, err
		case found:
			return dialect.InFlightNotApplied, nil, nil
		}
		return dialect.InFlightApplied, nil, nil
	}
	if m := addValueRe.FindStringSubmatch(head); m != nil {
		var exists sql.NullBool
		err := q.QueryRowContext(ctx,
			"SELECT EXISTS (SELECT 1 FROM pg_enum WHERE enumtypid = to_regtype($1) AND enumlabel = $2) AND to_regtype($1) IS NOT NULL",
			m[1], strings.ReplaceAll(m[2], "''", "'")).Scan(&exists)
		if err != nil {
			return dialect.InFlightUnknown, nil, fmt.Errorf("looking up enum value of %s in pg_enum: %w", m[1], err)
		}
		if exists.Bool {
			return dialect.InFlightApplied, nil, nil
		}
		return dialect.InFlightNotApplied, nil, nil
	}
	return dialect.InFlightUnknown, nil, nil
}

// indexValid looks an index up by the name a statement gives it.
func indexValid(ctx context.Context, q dialect.Querier, name string) (valid, found bool, err error) {
	err = q.QueryRowContext(ctx,
		"SELECT i.indisvalid AND i.indisready FROM pg_index i WHERE i.indexrelid = to_regclass($1)", name).Scan(&valid)
	if errors.Is(err, sql.ErrNoRows) {
		return false, false, nil
	}
	if err != nil {
		return false, false, fmt.Errorf("looking up index %s in pg_index: %w", name, err)
	}
	return valid, true, nil
}
