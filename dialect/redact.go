package dialect

import (
	"net/url"
	"sort"
	"strconv"
	"strings"
)

// mask is what every password becomes.
const mask = "xxxxx"

// Redact returns msg with every password it can find replaced by "xxxxx":
// the password of a URL, also when unescaped reserved characters in it
// keep the URL from parsing; password= and sslpassword= values (any case)
// in a URL query or a libpq key=value string; the password of a
// go-sql-driver DSN (user:pass@tcp(host)/db); and every whole occurrence of
// the known secrets, raw or encoded (see Secrets for a URL's). A whole
// occurrence is not part of a longer word, so a short password like "a"
// does not mask letters inside other words; a standalone word equal to
// the password cannot be told from it and is masked.
func Redact(msg string, secrets ...string) string {
	spans := credentialSpans(msg, false)
	for _, s := range secrets {
		for _, form := range encodings(s) {
			spans = append(spans, occurrences(msg, form)...)
		}
	}
	return maskSpans(msg, spans)
}

// Secrets returns the passwords in a database URL, libpq key=value string
// or MySQL DSN, as written and decoded, for Redact to find wherever else
// they show up (a driver's error can quote a password it mis-parsed as a
// host or database name).
func Secrets(raw string) []string {
	var out []string
	for _, sp := range credentialSpans(raw, true) {
		written := raw[sp.start:sp.end]
		out = append(out, written)
		out = append(out, decodings(written)...)
	}
	return dedupe(out)
}

// RedactError returns err with Redact applied to its text. errors.Is and
// errors.As still see the original chain (context cancellation, server
// errors).
func RedactError(err error, secrets ...string) error {
	if err == nil {
		return nil
	}
	msg := err.Error()
	red := Redact(msg, secrets...)
	if red == msg {
		return err
	}
	return &redactedError{msg: red, err: err}
}

type redactedError struct {
	msg string
	err error
}

func (e *redactedError) Error() string { return e.msg }
func (e *redactedError) Unwrap() error { return e.err }

// decodings are the forms a password written in a URL or key=value string
// has once a driver decoded it.
func decodings(s string) []string {
	var out []string
	if d, err := url.PathUnescape(s); err == nil {
		out = append(out, d)
	}
	if d, err := url.QueryUnescape(s); err == nil {
		out = append(out, d)
	}
	return append(out, unquoteKV(s))
}

// unquoteKV undoes libpq's quoting: 'it\'s' is it's.
func unquoteKV(s string) string {
	if len(s) >= 2 && s[0] == '\'' && s[len(s)-1] == '\'' {
		s = s[1 : len(s)-1]
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// encodings are the forms a password can take in a message: raw, escaped
// for a URL query, path or userinfo (upper- or lower-case hex), quoted by
// Go's %q or libpq.
func encodings(secret string) []string {
	if secret == "" {
		return nil
	}
	forms := []string{
		secret,
		url.QueryEscape(secret),
		url.PathEscape(secret),
		strings.TrimPrefix(url.UserPassword("", secret).String(), ":"),
		strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(secret),
	}
	if q := strconv.Quote(secret); len(q) >= 2 {
		forms = append(forms, q[1:len(q)-1])
	}
	for _, f := range forms {
		if strings.Contains(f, "%") {
			forms = append(forms, lowerHex(f))
		}
	}
	return dedupe(forms)
}

// lowerHex rewrites %2F as %2f.
func lowerHex(s string) string {
	b := []byte(s)
	for i := 0; i+2 < len(b); i++ {
		if b[i] == '%' {
			b[i+1] = toLower(b[i+1])
			b[i+2] = toLower(b[i+2])
			i += 2
		}
	}
	return string(b)
}

func toLower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// occurrences finds the whole occurrences of s in msg: where s starts or
// ends with a word character, the neighbour there is not one.
func occurrences(msg, s string) []span {
	var out []span
	for from := 0; from <= len(msg)-len(s); {
		i := strings.Index(msg[from:], s)
		if i < 0 {
			break
		}
		start, end := from+i, from+i+len(s)
		if !(isWord(s[0]) && start > 0 && isWord(msg[start-1])) &&
			!(isWord(s[len(s)-1]) && end < len(msg) && isWord(msg[end])) {
			out = append(out, span{start, end})
		}
		from = start + 1
	}
	return out
}

// isWord reports letters, digits, '_' and the bytes of non-ASCII runes.
func isWord(c byte) bool {
	return c >= 0x80 || c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// span is a byte range [start, end) of a message to mask.
type span struct{ start, end int }

// maskSpans replaces each run of overlapping or touching spans by one mask.
func maskSpans(msg string, spans []span) string {
	if len(spans) == 0 {
		return msg
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].start < spans[j].start })
	var b strings.Builder
	pos := 0
	for i := 0; i < len(spans); {
		start, end := spans[i].start, spans[i].end
		for i++; i < len(spans) && spans[i].start <= end; i++ {
			end = max(end, spans[i].end)
		}
		b.WriteString(msg[pos:start])
		b.WriteString(mask)
		pos = end
	}
	b.WriteString(msg[pos:])
	return b.String()
}

func dedupe(in []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range in {
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}
