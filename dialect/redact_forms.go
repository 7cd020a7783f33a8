package dialect

import (
	"net/url"
	"strings"
)

// credentialSpans finds the passwords in msg by their shape: URL userinfo,
// password parameters, MySQL DSNs. With whole, msg is one URL or DSN (so
// it may contain spaces); otherwise URLs and DSNs in it end at white space
// or at the quote that opened them.
func credentialSpans(msg string, whole bool) []span {
	spans := urlSpans(msg, whole)
	spans = append(spans, paramSpans(msg)...)
	return append(spans, dsnSpans(msg, whole)...)
}

// urlSpans finds the userinfo password of every scheme://... in msg.
func urlSpans(msg string, whole bool) []span {
	var out []span
	for i := 0; ; {
		j := strings.Index(msg[i:], "://")
		if j < 0 {
			return out
		}
		j += i
		i = j + 3
		start := j
		for start > 0 && isSchemeByte(msg[start-1]) {
			start--
		}
		scheme := strings.ToLower(msg[start:j])
		if scheme == "" || scheme == "file" || fileScheme(scheme) {
			continue // file paths carry no password
		}
		end := len(msg)
		if !whole {
			end = tokenEnd(msg, start, i)
		}
		if sp, ok := userinfoPassword(msg[start:end], i-start); ok {
			out = append(out, span{start + sp.start, start + sp.end})
		}
	}
}

func isSchemeByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '+' || c == '-' || c == '.'
}

// tokenEnd is where a URL or DSN starting at start ends in a message: at
// the quote that matches one just before it (Go's %q, pgx's backticks),
// else at white space.
func tokenEnd(msg string, start, from int) int {
	if start > 0 {
		switch q := msg[start-1]; q {
		case '"', '`', '\'':
			for k := from; k < len(msg); k++ {
				if msg[k] == '\\' && q == '"' {
					k++
					continue
				}
				if msg[k] == q {
					return k
				}
			}
		}
	}
	for k := from; k < len(msg); k++ {
		if isSpace(msg[k]) {
			return k
		}
	}
	return len(msg)
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// userinfoPassword finds the password in the URL u whose authority starts
// at from. A well-formed URL is split as net/url splits it. One that does
// not parse, has no host, or has an '@' after its host (an unescaped '/',
// '?' or '#' in the password moved the rest into the path, query or
// fragment) is split at its last '@': that may mask too much of a
// malformed URL, never too little.
func userinfoPassword(u string, from int) (span, bool) {
	rest := u[from:]
	at := strings.LastIndex(rest, "@")
	if parsed, err := url.Parse(u); err == nil && splitCleanly(parsed) {
		if parsed.User == nil {
			return span{}, false
		}
		auth := rest
		if k := strings.IndexAny(rest, "/?#"); k >= 0 {
			auth = rest[:k]
		}
		at = strings.LastIndex(auth, "@")
	}
	if at < 0 {
		return span{}, false
	}
	colon := strings.IndexByte(rest[:at], ':')
	if colon < 0 || colon+1 == at {
		return span{}, false
	}
	return span{from + colon + 1, from + at}, true
}

// splitCleanly reports whether net/url's reading of a URL can be trusted:
// it has a host and no '@' after it. A password with an unescaped '/',
// '?' or '#' puts its rest and the '@' in the path, query or fragment,
// which cannot be told from an '@' in a query value (u:@0?x=@h/db).
func splitCleanly(u *url.URL) bool {
	return u.Host != "" && !strings.Contains(u.EscapedPath(), "@") &&
		!strings.Contains(u.RawQuery, "@") && !strings.Contains(u.EscapedFragment(), "@")
}

// paramSpans finds the values of password parameters: ?password=... and
// &sslpassword=... in a URL query (up to '&' or '#'), password=... in a
// libpq key=value string (spaces around '=', 'quoted values' and
// backslash escapes as libpq reads them). Keys match in any case and
// percent-encoded (pass%77ord).
func paramSpans(msg string) []span {
	var out []span
	for i := 0; i < len(msg); i++ {
		if msg[i] != '=' {
			continue
		}
		k := i
		for k > 0 && msg[k-1] == ' ' {
			k--
		}
		keyEnd := k
		for k > 0 && isKeyByte(msg[k-1]) {
			k--
		}
		if !isPasswordKey(msg[k:keyEnd]) {
			continue
		}
		inQuery := k > 0 && (msg[k-1] == '?' || msg[k-1] == '&')
		v := i + 1
		for v < len(msg) && msg[v] == ' ' {
			v++
		}
		end := valueEnd(msg, v, inQuery)
		if end > v {
			out = append(out, span{v, end})
			i = end - 1
		}
	}
	return out
}

func isKeyByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '%'
}

func isPasswordKey(key string) bool {
	if d, err := url.QueryUnescape(key); err == nil {
		key = d
	}
	switch strings.ToLower(key) {
	case "password", "sslpassword", "pgpassword":
		return true
	}
	return false
}

// valueEnd is where a parameter value starting at v ends.
func valueEnd(msg string, v int, inQuery bool) int {
	if !inQuery && v < len(msg) && msg[v] == '\'' {
		for j := v + 1; j < len(msg); j++ {
			if msg[j] == '\\' {
				j++
				continue
			}
			if msg[j] == '\'' {
				return j + 1
			}
		}
		return len(msg)
	}
	for j := v; j < len(msg); j++ {
		switch c := msg[j]; {
		case c == '\\':
			j++
		case isSpace(c) || c == '`' || c == '"':
			return j
		case inQuery && (c == '&' || c == '#'):
			return j
		}
	}
	return len(msg)
}

// dsnSpans finds the password of go-sql-driver DSNs,
// user:password@tcp(host:3306)/db or user:password@/db. As the driver
// does, the user ends at the first ':' and the password at the last '@'
// before the network.
func dsnSpans(msg string, whole bool) []span {
	var out []span
	for at := strings.IndexByte(msg, '@'); at >= 0; {
		if after := msg[at+1:]; strings.HasPrefix(after, "/") || isNetwork(after) {
			start := 0
			if !whole {
				start = tokenStart(msg, at)
			}
			userinfo := msg[start:at]
			colon := strings.IndexByte(userinfo, ':')
			if colon >= 0 && colon+1 < len(userinfo) && !isURLUserinfo(userinfo, whole) {
				out = append(out, span{start + colon + 1, at})
			}
		}
		next := strings.IndexByte(msg[at+1:], '@')
		if next < 0 {
			break
		}
		at += 1 + next
	}
	return out
}

// isURLUserinfo reports scheme://user:password, which urlSpans masks
// more precisely. With whole, only a registered scheme counts: in a lone
// DSN the "://" can be part of the password (u://x@tcp(h)/db has password
// "//x").
func isURLUserinfo(s string, whole bool) bool {
	scheme, rest, ok := strings.Cut(s, "://")
	if !ok || scheme == "" || !strings.Contains(rest, ":") {
		return false
	}
	for i := 0; i < len(scheme); i++ {
		if !isSchemeByte(scheme[i]) {
			return false
		}
	}
	if whole {
		_, err := ForScheme(scheme)
		return err == nil
	}
	return true
}

// isNetwork reports a DSN network with its address: tcp(, unix(...
func isNetwork(s string) bool {
	n := 0
	for n < len(s) && ('a' <= s[n] && s[n] <= 'z' || '0' <= s[n] && s[n] <= '9') {
		n++
	}
	return n > 0 && n < len(s) && s[n] == '('
}

// tokenStart is where the word ending at end starts: after white space
// or a quote.
func tokenStart(msg string, end int) int {
	for k := end; k > 0; k-- {
		if c := msg[k-1]; isSpace(c) || c == '"' || c == '`' || c == '\'' {
			return k
		}
	}
	return 0
}
