package dialect

import (
	"context"
	"database/sql"
	"net/url"
)

// Connector is the connection role: URLs, connections, the migration
// lock and cancelling a statement on the server.
type Connector interface {
	// Name is the dialect's registry name ("sqlite"), unique among
	// dialects.
	Name() string
	// Schemes lists the URL schemes the dialect accepts, lower case, the
	// canonical one first; no two dialects share one. ParseURL reads the
	// URL in the form Capabilities().FileURLs says.
	Schemes() []string
	// Open connects to the database u (from ParseURL) names and checks
	// that the connection works. Its error never contains the URL's
	// password.
	Open(ctx context.Context, u *url.URL) (*sql.DB, error)
	// Lock takes the cross-process migration lock on conn, waiting as
	// opts says; the returned function releases it. While one session
	// holds it, another session's Lock waits, and fails after
	// opts.Timeout with an error wrapping ErrLockTimeout. Use AwaitLock
	// so every database waits, reports and times out alike.
	Lock(ctx context.Context, conn *sql.Conn, opts LockOptions) (unlock func() error, err error)
	// Canceller stops a statement on the server when its context ends.
	// Optional: Base watches nothing, which is right where the driver's
	// own context handling stops the statement (an embedded database).
	Canceller
}
