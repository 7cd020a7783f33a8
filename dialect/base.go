package dialect

import (
	"context"
	"database/sql"

	"github.com/retortdb/retort/op"
)

// Base gives the optional methods of Dialect their conservative default;
// a dialect embeds it and writes its own where the database does better.
// Each default is the one documented on the method of its role.
type Base struct{}

// WatchCancel implements Canceller by watching nothing: the driver's own
// context handling is all there is.
func (Base) WatchCancel(context.Context, *sql.DB, *sql.Conn) (func() error, error) {
	return func() error { return nil }, nil
}

// RowEstimates implements RowEstimator knowing no table.
func (Base) RowEstimates(context.Context, Querier) (map[string]int64, error) { return nil, nil }

// MapType implements TypeMapper with op.StandardType.
func (Base) MapType(t op.Type) (string, error) { return op.StandardType(t) }

// NarrowsType implements TypeNarrower knowing no type: any change of
// spelling may lose data.
func (Base) NarrowsType(from, to string) bool { return !sameTypeText(from, to) }

// CommitsImplicitly implements ImplicitCommitter: every statement of a
// stepwise plan runs alone.
func (Base) CommitsImplicitly(string) bool { return true }

// Effect implements Resumer: after an interruption the user decides.
func (Base) Effect(string) Effect { return EffectOpaque }

// CheckInFlight implements InFlightChecker knowing no statement.
func (Base) CheckInFlight(context.Context, Querier, string) (InFlightVerdict, []string, error) {
	return InFlightUnknown, nil, nil
}

// DescribeError implements ErrorClassifier with err.Error().
func (Base) DescribeError(err error) string { return err.Error() }

// MissingTable implements ErrorClassifier recognizing nothing.
func (Base) MissingTable(error) bool { return false }

// Rejected implements ErrorClassifier: no error proves a statement had
// no effect.
func (Base) Rejected(error) bool { return false }
