package postgres

import "strings"

// The search path as configured (the URL's search_path, or the role's
// or database's setting) names schemas that may not exist; PostgreSQL
// skips those, so current_schemas() alone would make unqualified names
// of the live database and of the scratch one, which has every schema,
// resolve differently without a word.

// searchPathColumns are what newSearchPath reads, as columns of a SELECT.
const searchPathColumns = `current_setting('search_path'), current_user::text, current_schemas(false)::text[]`

// pgSearchPath is the search path as configured: its schemas in order,
// "$user" resolved, and which of them exist.
type pgSearchPath struct {
	schemas []string
	exists  map[string]bool
}

// newSearchPath reads setting (current_setting('search_path')) as
// PostgreSQL does: unquoted names fold to lower case, "$user" is the
// user's schema when that exists and nothing otherwise, the system
// schemas are left out; effective is current_schemas(false).
func newSearchPath(setting, user string, effective []string) pgSearchPath {
	p := pgSearchPath{exists: map[string]bool{}}
	for _, s := range effective {
		p.exists[s] = true
	}
	seen := map[string]bool{}
	for _, s := range splitSearchPath(setting) {
		if s == "$user" {
			if !p.exists[user] {
				continue
			}
			s = user
		}
		if s == "" || seen[s] || s == "information_schema" || strings.HasPrefix(s, "pg_") {
			continue
		}
		seen[s] = true
		p.schemas = append(p.schemas, s)
	}
	return p
}

// first is the schema unqualified names are meant for: the first one
// configured, whether or not it exists.
func (p pgSearchPath) first() string {
	if len(p.schemas) == 0 {
		return ""
	}
	return p.schemas[0]
}

// splitSearchPath splits a search_path setting at the commas outside
// double quotes, unquoting quoted names and folding the others.
func splitSearchPath(setting string) []string {
	var out []string
	var b strings.Builder
	quoted, wasQuoted := false, false
	flush := func() {
		s := b.String()
		if !wasQuoted {
			s = foldIdent(strings.TrimSpace(s))
		}
		out = append(out, s)
		b.Reset()
		wasQuoted = false
	}
	for i := 0; i < len(setting); i++ {
		c := setting[i]
		switch {
		case quoted && c == '"' && i+1 < len(setting) && setting[i+1] == '"':
			b.WriteByte('"')
			i++
		case c == '"':
			quoted = !quoted
			if quoted {
				b.Reset() // spaces before the quote
				wasQuoted = true
			}
		case quoted:
			b.WriteByte(c)
		case c == ',':
			flush()
		case wasQuoted:
			// spaces after the closing quote
		default:
			b.WriteByte(c)
		}
	}
	if strings.TrimSpace(setting) != "" {
		flush()
	}
	return out
}

// foldIdent folds an unquoted name as PostgreSQL does in UTF-8: ASCII
// letters only.
func foldIdent(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'A' && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}, s)
}
