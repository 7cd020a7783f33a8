package dialect

import (
	"fmt"
	"net/url"
	"strings"
)

// ParseURL parses a database URL and finds its dialect by the scheme.
// A server's URL is scheme://user:password@host:port/database?params and
// must name the host. A dialect whose Capabilities say FileURLs takes
// scheme://path?options instead, which comes back with the dialect's
// canonical scheme and the file in Path: "app.db" for sqlite://app.db,
// "/abs/app.db" for sqlite:///abs/app.db, ":memory:" for
// sqlite://:memory:. The error never contains the password.
func ParseURL(raw string) (*url.URL, Dialect, error) {
	scheme, rest, ok := strings.Cut(raw, "://")
	if !ok || scheme == "" {
		return nil, nil, fmt.Errorf("database URL %q has no scheme; expected %s", Redact(raw, Secrets(raw)...), schemeHint())
	}
	d, err := ForScheme(scheme)
	if err != nil {
		return nil, nil, err
	}
	if d.Capabilities().FileURLs {
		path, query, _ := strings.Cut(rest, "?")
		if path == "" {
			return nil, nil, fmt.Errorf("database URL %q names no %s database file", raw, d.Name())
		}
		return &url.URL{Scheme: d.Schemes()[0], Path: path, RawQuery: query}, d, nil
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

// RedactURL is Redact for a URL ParseURL returned: its userinfo password
// and password query parameters are masked; a file URL is written back
// as it was given.
func RedactURL(u *url.URL) string {
	if u == nil {
		return ""
	}
	if fileScheme(u.Scheme) {
		s := u.Scheme + "://" + u.Path
		if u.RawQuery != "" {
			s += "?" + u.RawQuery
		}
		return s
	}
	return Redact(u.String())
}

// fileScheme reports whether scheme is a registered dialect's whose URLs
// name files (Capabilities.FileURLs).
func fileScheme(scheme string) bool {
	d, ok := lookup(scheme)
	return ok && d.Capabilities().FileURLs
}
