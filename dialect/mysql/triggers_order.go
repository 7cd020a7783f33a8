package mysql

import (
	"regexp"
	"strings"

	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/schema"
)

// Several triggers of one table, timing and event run in the order they
// were created in (information_schema.TRIGGERS.ACTION_ORDER). Reflection
// writes that order into each trigger's text: every trigger but the first
// of its group FOLLOWS the one before it. The renderer creates a trigger
// after the one it follows, and a group's first trigger PRECEDES the
// triggers the table keeps, so the order comes out as the desired schema
// has it.

// triggerFollows returns "FOLLOWS `prev` " for a trigger that is not the
// first of its group (rows come ordered by group and ACTION_ORDER).
func triggerFollows(group, prev *string, key, name string) string {
	out := ""
	if *group == key {
		out = "FOLLOWS " + quote(*prev) + " "
	}
	*group, *prev = key, name
	return out
}

var reTriggerHead = regexp.MustCompile("^CREATE TRIGGER (`(?:[^`]|``)+`) (BEFORE|AFTER) (INSERT|UPDATE|DELETE) ON (`(?:[^`]|``)+`) FOR EACH ROW (FOLLOWS (`(?:[^`]|``)+`) )?")

// triggerHead parses a reflected trigger's text: its group (table,
// timing, event) and the trigger it follows ("" for none). ok is false
// for text reflection did not write.
func triggerHead(sql string) (group, follows string, ok bool) {
	m := reTriggerHead.FindStringSubmatch(sql)
	if m == nil {
		return "", "", false
	}
	return m[4] + " " + m[2] + " " + m[3], unquote(m[6]), true
}

// createTrigger renders CreateTrigger ops[i]: first the creation of the
// trigger it follows when that comes later in ops, then the trigger,
// placed before the triggers of its group the table keeps when it is
// its group's first.
func (r *renderer) createTrigger(i int, o op.CreateTrigger) error {
	group, follows, ok := triggerHead(o.Trigger.SQL)
	if !ok {
		r.emit(o.Trigger.SQL)
		return nil
	}
	if follows != "" && r.state.Trigger(o.Trigger.Schema, follows) == nil {
		for j := i + 1; j < len(r.ops); j++ {
			if c, isCreate := r.ops[j].(op.CreateTrigger); isCreate && !r.used[j] && c.Trigger.Name == follows && c.Trigger.Schema == o.Trigger.Schema {
				r.used[j] = true
				if err := r.render(j, c); err != nil {
					return err
				}
				break
			}
		}
	}
	if follows == "" {
		if first := r.firstOfGroup(o.Trigger, group); first != "" {
			r.emit(strings.Replace(o.Trigger.SQL, " FOR EACH ROW ", " FOR EACH ROW PRECEDES "+quote(first)+" ", 1))
			return nil
		}
	}
	r.emit(o.Trigger.SQL)
	return nil
}

// firstOfGroup names the first trigger of the group the table has now:
// the one of the group that follows no other.
func (r *renderer) firstOfGroup(t *schema.Trigger, group string) string {
	for _, x := range r.state.Triggers {
		if x.Schema != t.Schema || x.Name == t.Name {
			continue
		}
		if g, f, ok := triggerHead(x.SQL); ok && g == group && (f == "" || r.state.Trigger(x.Schema, f) == nil) {
			return x.Name
		}
	}
	return ""
}
