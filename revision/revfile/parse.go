package revfile

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/retortdb/retort/revision"
	"github.com/retortdb/retort/sqlsplit"
)

// ParseWith reads one revision script, splitting its sections with the
// lexing rules of the target dialect. Errors read "file:line: what". The
// revision's Body is a *Body.
func ParseWith(file string, src []byte, opts sqlsplit.Options) (*revision.Revision, error) {
	body := &Body{}
	p := &parser{file: file, r: &revision.Revision{File: file, Body: body}, seen: map[string]int{}}
	lines := strings.Split(string(src), "\n")
	const (
		inHeader = iota
		inUpgrade
		inDowngrade
	)
	state := inHeader
	upMarker, downMarker := 0, 0 // 1-based marker lines, 0 if absent
	for i, raw := range lines {
		ln := i + 1
		t := strings.TrimSpace(raw)
		switch section(t) {
		case "+upgrade":
			if state != inHeader {
				return nil, p.errf(ln, "second -- +upgrade marker (the first is on line %d)", upMarker)
			}
			state, upMarker = inUpgrade, ln
			continue
		case "+downgrade":
			switch state {
			case inHeader:
				return nil, p.errf(ln, "-- +downgrade before -- +upgrade")
			case inDowngrade:
				return nil, p.errf(ln, "second -- +downgrade marker (the first is on line %d)", downMarker)
			}
			state, downMarker = inDowngrade, ln
			continue
		}
		if state != inHeader {
			// Files written before retort:allow was a header carry it
			// among the SQL; it still counts there.
			if c, ok := strings.CutPrefix(t, "--"); ok && isAllow(strings.TrimSpace(c)) {
				if err := p.allow(ln, strings.TrimSpace(c)); err != nil {
					return nil, err
				}
			}
			continue
		}
		if t == "" {
			continue
		}
		if !strings.HasPrefix(t, "--") {
			return nil, p.errf(ln, "SQL before the -- +upgrade marker")
		}
		if err := p.header(ln, strings.TrimSpace(t[2:])); err != nil {
			return nil, err
		}
	}
	r := p.r
	if _, ok := p.seen["revision"]; !ok {
		return nil, p.errf(0, "missing -- retort:revision header")
	}
	if upMarker == 0 {
		return nil, p.errf(0, "missing -- +upgrade section")
	}
	if slices.Contains(r.Parents, r.ID) {
		return nil, p.errf(p.seen["parents"], "revision %s lists itself as a parent", r.ID)
	}
	if slices.Contains(r.DependsOn, r.ID) {
		return nil, p.errf(p.seen["depends-on"], "revision %s depends on itself", r.ID)
	}
	upEnd := len(lines)
	if downMarker > 0 {
		upEnd = downMarker - 1
	}
	var err error
	if body.UpgradeSQL, body.Upgrade, err = p.section(lines, upMarker, upEnd, opts); err != nil {
		return nil, err
	}
	if downMarker > 0 {
		if body.DowngradeSQL, body.Downgrade, err = p.section(lines, downMarker, len(lines), opts); err != nil {
			return nil, err
		}
	}
	// Applying nothing and recording it as done hides a forgotten edit,
	// such as an unfilled `retort revision` template. It is refused when
	// it is about to be applied, not here, so history, heads and the next
	// `retort revision` still work meanwhile.
	if len(body.Upgrade) == 0 && len(r.Parents) < 2 {
		body.Unfilled = p.errf(upMarker, "empty -- +upgrade section: write the revision's SQL below this line (only a merge revision, with several parents, may be empty)")
	}
	r.Checksum = revision.Checksum(body.UpgradeSQL, body.DowngradeSQL)
	return r, nil
}

// section returns "+upgrade" or "+downgrade" when the trimmed line is
// that marker comment.
func section(t string) string {
	if !strings.HasPrefix(t, "--") {
		return ""
	}
	switch w := strings.ToLower(strings.TrimSpace(t[2:])); w {
	case "+upgrade", "+downgrade":
		return w
	}
	return ""
}

type parser struct {
	file string
	r    *revision.Revision
	seen map[string]int // header key -> line
}

func (p *parser) errf(line int, format string, args ...any) error {
	return &revision.Error{File: p.file, Line: line, Msg: fmt.Sprintf(format, args...)}
}

// header reads one header comment (without "--"); comments that are not
// "retort:" headers are free text.
func (p *parser) header(ln int, c string) error {
	if !strings.HasPrefix(c, "retort:") {
		return nil
	}
	if isAllow(c) {
		return p.allow(ln, c)
	}
	key, value, _ := strings.Cut(c[len("retort:"):], " ")
	value = strings.TrimSpace(value)
	switch key {
	case "revision", "parents", "depends-on", "message", "created":
	default:
		return p.errf(ln, "unknown header retort:%s (known: revision, parents, depends-on, message, created, allow)", key)
	}
	if prev, dup := p.seen[key]; dup {
		return p.errf(ln, "second retort:%s header (the first is on line %d)", key, prev)
	}
	p.seen[key] = ln
	r := p.r
	switch key {
	case "revision":
		if !revision.ValidID(value) {
			return p.errf(ln, "invalid revision id %q (want letters, digits and '_', not head/heads/base)", value)
		}
		r.ID = value
	case "parents", "depends-on":
		ids, err := p.ids(ln, key, value)
		if err != nil {
			return err
		}
		if key == "parents" {
			r.Parents = ids
		} else {
			r.DependsOn = ids
		}
	case "message":
		r.Message = value
	case "created":
		t, err := time.Parse(time.RFC3339, value)
		if err != nil {
			return &revision.Error{File: p.file, Line: ln, Msg: fmt.Sprintf("invalid retort:created time %q (want RFC 3339, like 2026-11-24T19:00:00Z)", value), Err: err}
		}
		r.Created = t
	}
	return nil
}

// isAllow reports whether a comment (without "--") is a retort:allow
// line; it may be repeated.
func isAllow(c string) bool {
	key, _, _ := strings.Cut(c, " ")
	return key == "retort:allow"
}

// allow reads "retort:allow RULE[, RULE...]" into the revision's Allow.
func (p *parser) allow(ln int, c string) error {
	value := strings.TrimSpace(strings.TrimPrefix(c, "retort:allow"))
	rules := strings.FieldsFunc(value, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' })
	if len(rules) == 0 {
		return p.errf(ln, "retort:allow without a rule name (like: -- retort:allow destructive)")
	}
	for _, rule := range rules {
		if !validRule(rule) {
			return p.errf(ln, "invalid rule name %q in retort:allow (want lowercase letters, digits and '-', like destructive or fk-unindexed)", rule)
		}
		if !slices.Contains(p.r.Allow, rule) {
			p.r.Allow = append(p.r.Allow, rule)
		}
	}
	return nil
}

func validRule(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return s != ""
}

func (p *parser) ids(ln int, key, value string) ([]string, error) {
	ids := strings.Fields(value)
	if len(ids) == 0 {
		return nil, p.errf(ln, "retort:%s header without revision ids", key)
	}
	for i, id := range ids {
		if !revision.ValidID(id) {
			return nil, p.errf(ln, "invalid revision id %q in retort:%s", id, key)
		}
		if slices.Contains(ids[:i], id) {
			return nil, p.errf(ln, "revision id %s listed twice in retort:%s", id, key)
		}
	}
	return ids, nil
}

// section splits the lines after the 1-based marker line up to line end
// (inclusive), returning its trimmed text and statements with file lines.
func (p *parser) section(lines []string, marker, end int, opts sqlsplit.Options) (string, []revision.Statement, error) {
	text := strings.Join(lines[marker:end], "\n")
	stmts, err := sqlsplit.SplitWith(text, opts)
	if err != nil {
		var se *sqlsplit.Error
		if errors.As(err, &se) {
			return "", nil, p.errf(marker+se.Line, "%s", se.Msg)
		}
		return "", nil, &revision.Error{File: p.file, Line: marker, Msg: "cannot split SQL", Err: err}
	}
	var out []revision.Statement // nil when the section has none
	for _, st := range stmts {
		out = append(out, revision.Statement{SQL: st.SQL, Line: st.Line + marker})
	}
	return strings.TrimSpace(text), out, nil
}
