package mysql

import (
	"context"
	"database/sql"
	"fmt"
	"regexp"
	"strings"

	"github.com/retortdb/retort/schema"
)

// Events are SQL objects of kind "event", created after tables (their
// bodies use them) and altered in place with ALTER EVENT.
//
// Times taken from the clock differ in every database the same DDL runs
// in. An event created without STARTS starts when it is created (or when
// ALTER EVENT last gave it a schedule): a STARTS within a second of that
// is the default and is left out. A time written relative to the clock
// (AT CURRENT_TIMESTAMP + INTERVAL 1 HOUR) is a whole number of minutes
// after that moment and does not fall on a full minute itself: it is
// kept as that offset, and rendered as one, so it compares equal wherever
// it was created. Any other time is kept as written, so a real change
// shows. ALTER EVENT cannot take an ENDS away: that change drops and
// creates.

// eventTimeCols selects a time column as text and its offsets in
// seconds from the event's creation and last change.
func eventTimeCols(col string) string {
	return "COALESCE(DATE_FORMAT(" + col + ", '%Y-%m-%d %H:%i:%s'), ''), TIMESTAMPDIFF(SECOND, CREATED, " + col +
		"), TIMESTAMPDIFF(SECOND, LAST_ALTERED, " + col + ")"
}

var eventsSQL = `SELECT EVENT_NAME, EVENT_TYPE, COALESCE(INTERVAL_VALUE, ''), COALESCE(INTERVAL_FIELD, ''),
  ` + eventTimeCols("EXECUTE_AT") + `, ` + eventTimeCols("STARTS") + `, ` + eventTimeCols("ENDS") + `,
  STATUS, ON_COMPLETION, EVENT_COMMENT, EVENT_DEFINITION
FROM information_schema.EVENTS WHERE EVENT_SCHEMA = ? ORDER BY EVENT_NAME`

// eventTime is one time of an event as reflected: the time, and its
// offsets from the event's creation and last change.
type eventTime struct {
	at                       string
	fromCreated, fromAltered sql.NullInt64
}

// spell writes the time for the definition: "" for a STARTS left to
// default (defaults), an offset from the clock, or the time itself.
func (t eventTime) spell(defaults bool) string {
	if t.at == "" {
		return ""
	}
	near := func(o sql.NullInt64) bool { return o.Valid && o.Int64 >= -1 && o.Int64 <= 1 }
	if defaults && (near(t.fromCreated) || near(t.fromAltered)) {
		return ""
	}
	if !strings.HasSuffix(t.at, ":00") {
		for _, o := range []sql.NullInt64{t.fromAltered, t.fromCreated} {
			if o.Valid && o.Int64 > 0 && o.Int64%60 == 0 {
				return fmt.Sprintf("CURRENT_TIMESTAMP + INTERVAL %d MINUTE", o.Int64/60)
			}
		}
	}
	return literal(t.at)
}

func (r *reflector) loadEvents(ctx context.Context) error {
	return r.query(ctx, "events", eventsSQL, func(rows *sql.Rows) error {
		var name, typ, every, field, status, completion, comment, body string
		var at, starts, ends eventTime
		if err := rows.Scan(&name, &typ, &every, &field, &at.at, &at.fromCreated, &at.fromAltered,
			&starts.at, &starts.fromCreated, &starts.fromAltered, &ends.at, &ends.fromCreated, &ends.fromAltered,
			&status, &completion, &comment, &body); err != nil {
			return err
		}
		var sched string
		if typ == "ONE TIME" {
			sched = "AT " + at.spell(false)
		} else {
			sched = "EVERY " + intervalValue(every) + " " + field
			if s := starts.spell(true); s != "" {
				sched += " STARTS " + s
			}
			if e := ends.spell(false); e != "" {
				sched += " ENDS " + e
			}
		}
		state := map[string]string{"ENABLED": "ENABLE", "DISABLED": "DISABLE", "SLAVESIDE_DISABLED": "DISABLE ON SLAVE"}[status]
		if state == "" {
			state = status
		}
		def := "ON SCHEDULE " + sched + " ON COMPLETION " + completion + " " + state
		alter := def + " COMMENT " + literal(comment) // ALTER keeps a comment it is not given
		if comment != "" {
			def += " COMMENT " + literal(comment)
		}
		body = r.unqualify(body)
		r.s.Objects = append(r.s.Objects, &schema.SQLObject{
			Kind: "event", Name: name,
			Definition: def + " DO " + body,
			Create:     []string{"CREATE EVENT " + quote(name) + " " + def + " DO " + body},
			Drop:       []string{"DROP EVENT " + quote(name)},
			Phase:      schema.AfterTables,
			InPlace:    true,
			Attrs:      map[string]string{"alter": "ALTER EVENT " + quote(name) + " " + alter + " DO " + body, "ends": ends.at},
		})
		return nil
	})
}

var plainNumber = regexp.MustCompile(`^[0-9]+$`)

// intervalValue quotes a compound interval ('1:30' MINUTE_SECOND); the
// server may give it quoted already.
func intervalValue(v string) string {
	v = strings.TrimSpace(v)
	if plainNumber.MatchString(v) || strings.HasPrefix(v, "'") {
		return v
	}
	return literal(v)
}
