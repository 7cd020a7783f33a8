package dialect

import (
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"testing"
)

func TestRedactShapes(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"url", "postgres://u:secret@h/db", "postgres://u:xxxxx@h/db"},
		{"url percent-encoded", "mysql://root:p%40ss@h:3306/db?x=1", "mysql://root:xxxxx@h:3306/db?x=1"},
		{"url no password", "postgres://u@h/db", "postgres://u@h/db"},
		{"sqlite", "sqlite://app.db", "sqlite://app.db"},
		{"sqlite path with @ and :", "sqlite:///tmp/a:b@c.db", "sqlite:///tmp/a:b@c.db"},
		{"not a url", "not a url", "not a url"},
		{"unescaped /", "postgres://u:pa/ss@host/db", "postgres://u:xxxxx@host/db"},
		{"unescaped ? and #", "postgres://u:p?s#s@host/db", "postgres://u:xxxxx@host/db"},
		{"unescaped @ and :", "postgres://u:p@ss:w@host:5432/db", "postgres://u:xxxxx@host:5432/db"},
		{"unescaped % ", "postgres://u:100%@host/db", "postgres://u:xxxxx@host/db"},
		{"password parsed as port", "postgres://u:1234/ss@host/db", "postgres://u:xxxxx@host/db"},
		{"password parsed as port, fragment", "postgres://u:12#x@host/db", "postgres://u:xxxxx@host/db"},
		{"@ in a query value is ambiguous", "postgres://u:pw@h/db?application_name=me@example.com", "postgres://u:xxxxx@example.com"},
		{"@ in a query value, no password", "postgres://h/db?application_name=me@example.com", "postgres://h/db?application_name=me@example.com"},
		{"@ percent-encoded in a query value", "postgres://u:pw@h/db?application_name=me%40example.com", "postgres://u:xxxxx@h/db?application_name=me%40example.com"},
		{"empty password, mis-split", "postgres://u:@0?x=@h:5432/db", "postgres://u:xxxxx@h:5432/db"},
		{"query password", "postgres://h/db?sslmode=disable&password=secret&x=1", "postgres://h/db?sslmode=disable&password=xxxxx&x=1"},
		{"query password any case", "postgres://h/db?PassWord=secret", "postgres://h/db?PassWord=xxxxx"},
		{"query sslpassword", "postgres://h/db?sslpassword=k3y&sslmode=verify-full", "postgres://h/db?sslpassword=xxxxx&sslmode=verify-full"},
		{"query key percent-encoded", "postgres://h/db?pass%77ord=secret", "postgres://h/db?pass%77ord=xxxxx"},
		{"query password with libpq-special characters", "postgres://h/db?password=a'b c", "postgres://h/db?password=xxxxx c"},
		{"key=value", "host=h user=u password=secret dbname=d", "host=h user=u password=xxxxx dbname=d"},
		{"key=value quoted", "host=h password='se cret' dbname=d", "host=h password=xxxxx dbname=d"},
		{"key=value quoted with escapes", `host=h password = 'it\'s \\ x' dbname=d`, "host=h password = xxxxx dbname=d"},
		{"key=value escaped space", "cannot parse `host=h password=se\\ cret`: bad", "cannot parse `host=h password=xxxxx`: bad"},
		{"key=value other keys kept", "user=password mypassword=x password_file=y", "user=password mypassword=x password_file=y"},
		{"mysql dsn", "u:pw@tcp(h:3306)/db", "u:xxxxx@tcp(h:3306)/db"},
		{"mysql dsn @ in password", "u:p@ss@unix(/tmp/mysql.sock)/db?parseTime=true", "u:xxxxx@unix(/tmp/mysql.sock)/db?parseTime=true"},
		{"mysql dsn no network", "open u:pw@/db failed", "open u:xxxxx@/db failed"},
		{"mysql url with dsn host", "mysql://u:pw@tcp(h:3306)/db", "mysql://u:xxxxx@tcp(h:3306)/db"},
		{"in a %q message", `database URL "postgres://u:pa/ss@h/db" is malformed`, `database URL "postgres://u:xxxxx@h/db" is malformed`},
		{"in a message", "connect to postgres://u:pw@h/db: dial tcp h:5432: connection refused", "connect to postgres://u:xxxxx@h/db: dial tcp h:5432: connection refused"},
		{"pgx backticks", "cannot parse `postgres://u:a b@h/db`: failed", "cannot parse `postgres://u:xxxxx@h/db`: failed"},
		{"email kept", "mail admin@example.com or user:name@example.com", "mail admin@example.com or user:name@example.com"},
		{"two urls", "postgres://a:1@h/x and mysql://b:2@h/y", "postgres://a:xxxxx@h/x and mysql://b:xxxxx@h/y"},
	}
	for _, tt := range tests {
		if got := Redact(tt.in); got != tt.want {
			t.Errorf("%s: Redact(%q)\n got %q\nwant %q", tt.name, tt.in, got, tt.want)
		}
	}
}

func TestRedactKnownSecret(t *testing.T) {
	tests := []struct{ name, secret, in, want string }{
		{"short password inside words", "a",
			"connect to postgres://u:a@127.0.0.1:1/database: failed to connect to `user=u database=database`: dial error",
			"connect to postgres://u:xxxxx@127.0.0.1:1/database: failed to connect to `user=u database=database`: dial error"},
		{"short password as a host", "x", "lookup x: no such host; index idx_box on xxl", "lookup xxxxx: no such host; index idx_box on xxl"},
		{"percent-encoded", "s3cr/t", "user s3cr%2Ft and s3cr%2ft and s3cr/t; s3cr/tt stays", "user xxxxx and xxxxx and xxxxx; s3cr/tt stays"},
		{"reserved characters", "p@ss:w/rd?#%", "a p@ss:w/rd?#% b p%40ss%3Aw%2Frd%3F%23%25 c p@ss:w%2Frd%3F%23%25 d", "a xxxxx b xxxxx c xxxxx d"},
		{"spaces", "se cret", "login se cret failed, se+cret, se%20cret", "login xxxxx failed, xxxxx, xxxxx"},
		{"quoted by %q", `pa"ss\`, fmt.Sprintf("value %q", `pa"ss\`), `value "xxxxx"`},
		{"quoted by libpq", `it's`, `password='it\'s' user=it\'s`, `password=xxxxx user=xxxxx`},
		{"mis-parsed as a database", "1234/ss", "database=ss@host/db, port 1234/ss", "database=ss@host/db, port xxxxx"},
		{"non-ASCII neighbours", "pw", "épw pwé pw", "épw pwé xxxxx"},
	}
	for _, tt := range tests {
		if got := Redact(tt.in, tt.secret); got != tt.want {
			t.Errorf("%s: Redact(%q, %q)\n got %q\nwant %q", tt.name, tt.in, tt.secret, got, tt.want)
		}
	}
}

func TestSecrets(t *testing.T) {
	tests := []struct {
		raw  string
		want []string
	}{
		{"postgres://u:s3cr%2Ft@h/db", []string{"s3cr%2Ft", "s3cr/t"}},
		{"postgres://u:pa/ss@h/db", []string{"pa/ss"}},
		{"postgres://u:se cret@h/db", []string{"se cret"}},
		{"postgres://h/db?password=a%26b+c", []string{"a%26b+c", "a&b c"}},
		{"postgres://h/db?sslpassword=k3y", []string{"k3y"}},
		{"host=h password='se cret' dbname=d", []string{"se cret"}},
		{"u:p w@tcp(h:3306)/db", []string{"p w"}},
		{"mysql://u:p@ss@tcp(h:3306)/db", []string{"p@ss"}},
		{"sqlite://app.db", nil},
		{"postgres://u@h/db?sslmode=disable", nil},
	}
	for _, tt := range tests {
		got := Secrets(tt.raw)
		for _, w := range tt.want {
			if !slices.Contains(got, w) {
				t.Errorf("Secrets(%q) = %q, want it to hold %q", tt.raw, got, w)
			}
		}
		if tt.want == nil && got != nil {
			t.Errorf("Secrets(%q) = %q, want none", tt.raw, got)
		}
	}
}

func TestRedactError(t *testing.T) {
	base := errors.New("dial tcp: lookup s3cret: no such host")
	err := RedactError(fmt.Errorf("connect: %w", base), "s3cret")
	if got, want := err.Error(), "connect: dial tcp: lookup xxxxx: no such host"; got != want {
		t.Errorf("RedactError = %q, want %q", got, want)
	}
	if !errors.Is(err, base) {
		t.Error("RedactError lost the error chain")
	}
	if plain := errors.New("nothing secret"); RedactError(plain, "s3cret") != plain {
		t.Error("RedactError wrapped an error that had nothing to redact")
	}
	if RedactError(nil, "x") != nil {
		t.Error("RedactError(nil) != nil")
	}
}

func TestRedactURL(t *testing.T) {
	u, err := url.Parse("postgres://u:p%2Fw@h/db?password=q&sslmode=disable")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := RedactURL(u), "postgres://u:xxxxx@h/db?password=xxxxx&sslmode=disable"; got != want {
		t.Errorf("RedactURL = %q, want %q", got, want)
	}
}

// FuzzRedact embeds a secret in each connection-string form retort
// accepts, inside arbitrary text, and checks that redacting with the
// URL's secrets leaves neither the secret nor its encodings in the output,
// unless the text around it holds them anyway.
func FuzzRedact(f *testing.F) {
	for _, s := range []string{"a", "x", "s3cr/t", "p@ss:w/rd?#%", "se cret", `it's "q" \`, "1234/ss", "pässwörd"} {
		for form := range uint8(6) {
			f.Add(s, "error:", "failed", form)
		}
	}
	f.Add("hunter2", "connect to", ": dial tcp 127.0.0.1:1: refused", uint8(3))
	f.Fuzz(func(t *testing.T, secret, before, after string, form uint8) {
		if secret == "" || strings.ContainsAny(secret, "\x00") {
			t.Skip()
		}
		forms := []func(string) string{
			func(s string) string { return "postgres://u:" + url.PathEscape(s) + "@h:5432/db" },
			func(s string) string { return "postgres://u:" + s + "@h:5432/db?sslmode=disable" },
			func(s string) string {
				return "postgres://h/db?sslmode=disable&password=" + url.QueryEscape(s) + "&x=1"
			},
			func(s string) string { return "mysql://u:" + url.QueryEscape(s) + "@h:3306/db" },
			func(s string) string {
				return "host=h user=u password='" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(s) + "' dbname=d"
			},
			func(s string) string { return "u:" + s + "@tcp(h:3306)/db" },
		}
		embed := forms[int(form)%len(forms)]
		raw := embed(secret)
		msg := before + " " + raw + ": " + after + " " + secret + " " + fmt.Sprintf("%q", raw)
		// What the text shows with the password already masked.
		masked := Redact(before + " " + embed(mask) + ": " + after + " " + mask + " " + fmt.Sprintf("%q", embed(mask)))
		got := Redact(msg, Secrets(raw)...)
		for _, enc := range encodings(secret) {
			if strings.Contains(got, enc) && !strings.Contains(masked, enc) {
				t.Fatalf("secret %q (as %q) survives in\n%q\nfrom %q", secret, enc, got, msg)
			}
		}
	})
}
