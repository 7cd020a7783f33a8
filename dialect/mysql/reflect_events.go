package mysql

import (
	"context"
	"database/sql"
	"regexp"
	"strings"

	"github.com/retortdb/retort/schema"
)

// Events are SQL objects of kind "event", created after tables (their
// bodies use them) and altered in place with ALTER EVENT.
//
// An event created without STARTS starts when it is created, so the same
// DDL gives a different STARTS in every database. A STARTS within a second
// of the event's creation or last change (ALTER EVENT ... ON SCHEDULE
// without STARTS restarts it then) is that default and is left out of
// the definition; any other start is kept, so a real change shows.
// ALTER EVENT cannot take an ENDS away: that change drops and creates.
const eventsSQL = `SELECT EVENT_NAME, EVENT_TYPE,
  COALESCE(DATE_FORMAT(EXECUTE_AT, '%Y-%m-%d %H:%i:%s'), ''),
  COALESCE(INTERVAL_VALUE, ''), COALESCE(INTERVAL_FIELD, ''),
  CASE WHEN STARTS IS NULL OR ABS(TIMESTAMPDIFF(SECOND, STARTS, CREATED)) <= 1
      OR ABS(TIMESTAMPDIFF(SECOND, STARTS, LAST_ALTERED)) <= 1 THEN ''
    ELSE DATE_FORMAT(STARTS, '%Y-%m-%d %H:%i:%s') END,
  COALESCE(DATE_FORMAT(ENDS, '%Y-%m-%d %H:%i:%s'), ''),
  STATUS, ON_COMPLETION, EVENT_COMMENT, EVENT_DEFINITION
FROM information_schema.EVENTS WHERE EVENT_SCHEMA = ? ORDER BY EVENT_NAME`

func (r *reflector) loadEvents(ctx context.Context) error {
	return r.query(ctx, "events", eventsSQL, func(rows *sql.Rows) error {
		var name, typ, at, every, field, starts, ends, status, completion, comment, body string
		if err := rows.Scan(&name, &typ, &at, &every, &field, &starts, &ends, &status, &completion, &comment, &body); err != nil {
			return err
		}
		var sched string
		if typ == "ONE TIME" {
			sched = "AT " + literal(at)
		} else {
			sched = "EVERY " + intervalValue(every) + " " + field
			if starts != "" {
				sched += " STARTS " + literal(starts)
			}
			if ends != "" {
				sched += " ENDS " + literal(ends)
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
			Attrs:      map[string]string{"alter": "ALTER EVENT " + quote(name) + " " + alter + " DO " + body, "ends": ends},
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
