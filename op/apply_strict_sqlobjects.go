package op

import (
	"fmt"
	"slices"
	"strings"

	"github.com/retortdb/retort/schema"
)

// createObject refuses an object created before an SQL object it depends
// on (its table dependencies may legitimately come later for objects
// created before tables, so only object keys are checked).
func (st *strict) createObject(o *schema.SQLObject) error {
	for _, dep := range o.Deps {
		if st.isTableKey(dep) {
			continue
		}
		if st.s.Object(dep) == nil {
			return fmt.Errorf("%s depends on %s, which does not exist yet", o.Label(), keyLabel(dep))
		}
	}
	return nil
}

// dropObject refuses to drop an object that is not the one the operation
// carries, or one another object still depends on.
func (st *strict) dropObject(d *schema.SQLObject) error {
	cur := st.s.Object(d.Key())
	if cur == nil {
		return nil // Apply reports it
	}
	if cur.Definition != d.Definition || !slices.Equal(cur.Create, d.Create) {
		return fmt.Errorf("%s is not the one the operation drops", d.Label())
	}
	return st.objectUnused(d.Key(), d.Label())
}

// alterObject refuses an alter whose From is not what the model holds.
func (st *strict) alterObject(o AlterObject) error {
	cur := st.s.Object(o.From.Key())
	if cur != nil && cur.Definition != o.From.Definition {
		return fmt.Errorf("%s is not as the operation's From says", o.From.Label())
	}
	return nil
}

// objectUnused refuses when another SQL object depends on key.
func (st *strict) objectUnused(key, label string) error {
	for _, x := range st.s.Objects {
		if x.Key() != key && slices.Contains(x.Deps, key) {
			return fmt.Errorf("%s is still needed by %s", label, x.Label())
		}
	}
	return nil
}

func (st *strict) isTableKey(key string) bool { return strings.HasPrefix(key, "table\x00") }

// keyLabel prints an object key (kind, schema, table, name) for messages.
func keyLabel(key string) string {
	p := strings.SplitN(key, "\x00", 4)
	if len(p) != 4 {
		return key
	}
	o := schema.SQLObject{Kind: p[0], Schema: p[1], Table: p[2], Name: p[3]}
	return o.Label()
}
