package dialect

import (
	"fmt"
	"net/url"
	"strings"
)

// ParseURL parses a database URL and finds its dialect. SQLite URLs are
// file paths rather than network addresses, so they come back with Scheme
// "sqlite" and the file in Path: "app.db" for sqlite://app.db,
// "/abs/app.db" for sqlite:///abs/app.db and ":memory:" for
// sqlite://:memory:. The error never contains the password.
func ParseURL(raw string) (*url.URL, Dialect, error) {
	scheme, rest, ok := strings.Cut(raw, "://")
	if !ok || scheme == "" {
		return nil, nil, fmt.Errorf("database URL %q has no scheme; expected sqlite://, postgres:// or mysql://", Redact(raw, Secrets(raw)...))
	}
	d, err := ForScheme(scheme)
	if err != nil {
		return nil, nil, err
	}
	if strings.EqualFold(scheme, "sqlite") || strings.EqualFold(scheme, "sqlite3") {
		path, query, _ := strings.Cut(rest, "?")
		if path == "" {
			return nil, nil, fmt.Errorf("database URL %q names no SQLite file", raw)
		}
		return &url.URL{Scheme: "sqlite", Path: path, RawQuery: query}, d, nil
	}
	u, err := url.Parse(raw)
	if err != nil {
		return nil, nil, fmt.Errorf("database URL %q is malformed; percent-encode any / ? # @ %% or space in the user name or password", Redact(raw, Secrets(raw)...))
	}
	if u.Host == "" {
		return nil, nil, fmt.Errorf("database URL %q names no host", Redact(raw, Secrets(raw)...))
	}
	if !splitCleanly(u) {
		// postgres://u:1234/x@h/db parses as host u, port 1234: the driver
		// would quote the password's pieces as host and database name, and
		// Redact could not tell the password.
		return nil, nil, fmt.Errorf("database URL %q has an '@' after its host; percent-encode any / ? or # in the password (%%2F %%3F %%23) and any @ in a parameter (%%40)", Redact(raw, Secrets(raw)...))
	}
	return u, d, nil
}

// RedactURL is Redact for a parsed URL: its userinfo password and
// password query parameters are masked.
func RedactURL(u *url.URL) string {
	if u == nil {
		return ""
	}
	if u.Scheme == "sqlite" {
		s := "sqlite://" + u.Path
		if u.RawQuery != "" {
			s += "?" + u.RawQuery
		}
		return s
	}
	return Redact(u.String())
}
