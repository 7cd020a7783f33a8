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
		return nil, nil, fmt.Errorf("database URL %q has no scheme; expected sqlite://, postgres:// or mysql://", Redact(raw))
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
		return nil, nil, fmt.Errorf("database URL %q is malformed", Redact(raw))
	}
	if u.Host == "" {
		return nil, nil, fmt.Errorf("database URL %q names no host", Redact(raw))
	}
	return u, d, nil
}

// Redact replaces the password of a URL with "xxxxx", also when the URL
// does not parse, so it can go in messages and logs.
func Redact(raw string) string {
	scheme, rest, ok := strings.Cut(raw, "://")
	if !ok {
		return raw
	}
	at := strings.LastIndex(strings.SplitN(rest, "/", 2)[0], "@")
	if at < 0 {
		return raw
	}
	userinfo := rest[:at]
	if user, _, hasPass := strings.Cut(userinfo, ":"); hasPass {
		return scheme + "://" + user + ":xxxxx" + rest[at:]
	}
	return raw
}

// RedactURL is Redact for a parsed URL.
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
	return u.Redacted()
}
