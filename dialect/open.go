package dialect

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"net/url"
	"time"
)

// OpenServer opens a pool on c, the driver's connector for u, and
// connects once within 15 seconds, so a wrong address or password fails
// at Open, naming u without its password.
func OpenServer(ctx context.Context, u *url.URL, c driver.Connector) (*sql.DB, error) {
	db := sql.OpenDB(c)
	pctx, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()
	if err := db.PingContext(pctx); err != nil {
		db.Close()
		return nil, RedactURLError(fmt.Errorf("connect to %s: %w", u, err), u)
	}
	return db, nil
}

// RedactURLError masks u's passwords in err's text, in every form,
// wherever they are: in u itself, in what a driver masked itself (best
// effort on malformed strings) or in a server message that quotes one.
func RedactURLError(err error, u *url.URL) error {
	return RedactError(err, Secrets(u.String())...)
}
