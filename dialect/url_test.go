package dialect

import (
	"strings"
	"testing"
)

// fakeDialect only carries a name, schemes and capabilities; the registry
// and URL parsing need nothing more.
type fakeDialect struct {
	Dialect
	name    string
	schemes []string
	caps    Capabilities
}

func (f fakeDialect) Name() string               { return f.name }
func (f fakeDialect) Schemes() []string          { return f.schemes }
func (f fakeDialect) Capabilities() Capabilities { return f.caps }

func init() {
	Register(fakeDialect{name: "fake-sqlite", schemes: []string{"sqlite", "sqlite3"}, caps: Capabilities{FileURLs: true}})
	Register(fakeDialect{name: "fake-pg", schemes: []string{"postgres"}})
}

func TestParseURL(t *testing.T) {
	tests := []struct {
		raw, path, host, dialect, err string
	}{
		{raw: "sqlite://app.db", path: "app.db", dialect: "fake-sqlite"},
		{raw: "sqlite:///abs/path/app.db", path: "/abs/path/app.db", dialect: "fake-sqlite"},
		{raw: "sqlite://:memory:", path: ":memory:", dialect: "fake-sqlite"},
		{raw: "SQLite3://app.db?_pragma=x", path: "app.db", dialect: "fake-sqlite"},
		{raw: "postgres://u:secret@db:5432/x?sslmode=disable", host: "db:5432", path: "/x", dialect: "fake-pg"},
		{raw: "app.db", err: "has no scheme; expected postgres:// or sqlite://"},
		{raw: "oracle://x", err: "unsupported database URL scheme"},
		{raw: "sqlite://", err: "names no fake-sqlite database file"},
		{raw: "postgres://u:secret@/x", err: "names no host"},
		{raw: "postgres://u:secret@h:port/x", err: "malformed"},
		{raw: "postgres://u:pa/secret@h/x", err: "malformed"},
		{raw: "postgres://u:se cret secret@h/x", err: "malformed"},
		{raw: "postgres://u:1/secret@h/x", err: "'@' after its host"},
		{raw: "postgres://u:1?secret@h/x", err: "'@' after its host"},
		{raw: "postgres://u:1#secret@h/x", err: "'@' after its host"},
		{raw: "postgres://h/x?password=secret@", err: "'@' after its host"},
		{raw: "host=h password=secret", err: "has no scheme"},
		{raw: "u:secret@tcp(h:3306)/x", err: "has no scheme"},
		{raw: "postgres://u:secret@tcp(h:5432)/x", err: "malformed"},
		{raw: "postgres://u:@0?x=secret@h/x", err: "'@' after its host"},
		{raw: "postgres://u:secret@h/x?application_name=me@example.com", err: "'@' after its host"},
		{raw: "postgres://u:secret@h/x?application_name=me%40example.com", host: "h", path: "/x", dialect: "fake-pg"},
	}
	for _, tt := range tests {
		u, d, err := ParseURL(tt.raw)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("ParseURL(%q) err = %v, want %q", tt.raw, err, tt.err)
			}
			if err != nil && strings.Contains(err.Error(), "secret") {
				t.Errorf("ParseURL(%q) error leaks the password: %v", tt.raw, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseURL(%q): %v", tt.raw, err)
			continue
		}
		if u.Path != tt.path || u.Host != tt.host || d.Name() != tt.dialect {
			t.Errorf("ParseURL(%q) = path %q host %q dialect %q", tt.raw, u.Path, u.Host, d.Name())
		}
	}
}

func TestRedact(t *testing.T) {
	tests := map[string]string{
		"postgres://u:secret@h/db":          "postgres://u:xxxxx@h/db",
		"mysql://root:p%40ss@h:3306/db?x=1": "mysql://root:xxxxx@h:3306/db?x=1",
		"postgres://u@h/db":                 "postgres://u@h/db",
		"sqlite://app.db":                   "sqlite://app.db",
		"not a url":                         "not a url",
	}
	for in, want := range tests {
		if got := Redact(in); got != want {
			t.Errorf("Redact(%q) = %q, want %q", in, got, want)
		}
	}
}

// A file URL comes back with its dialect's canonical scheme and is
// written back as given, with nothing taken for a password.
func TestFileURLRoundTrip(t *testing.T) {
	for raw, want := range map[string]string{
		"sqlite3://app.db":            "sqlite://app.db",
		"sqlite:///tmp/a:b@c.db?x=1":  "sqlite:///tmp/a:b@c.db?x=1",
		"sqlite://my db.db":           "sqlite://my db.db",
		"postgres://u:secret@h/db?x=": "postgres://u:xxxxx@h/db?x=",
	} {
		u, _, err := ParseURL(raw)
		if err != nil {
			t.Fatalf("ParseURL(%q): %v", raw, err)
		}
		if got := RedactURL(u); got != want {
			t.Errorf("RedactURL(ParseURL(%q)) = %q, want %q", raw, got, want)
		}
	}
}
