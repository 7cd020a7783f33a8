package op

import (
	"maps"
	"slices"
	"strings"

	"github.com/retortdb/retort/schema"
)

// SetTableOptions changes dialect table options (schema.Table.Options)
// from From to To. Both hold every option the dialect compares
// (dialect.Capabilities.TableOptions) that the table has on that side, so
// a key missing from To is an option To removes.
type SetTableOptions struct {
	Table    Ref
	From, To map[string]string
}

func (o SetTableOptions) Reverse() Op    { return SetTableOptions{Table: o.Table, From: o.To, To: o.From} }
func (o SetTableOptions) TableRef() Ref  { return o.Table }
func (o SetTableOptions) String() string { return "set options on " + o.Table.String() }

// Changed lists the keys whose value differs between From and To, sorted.
func (o SetTableOptions) Changed() []string {
	var out []string
	for _, k := range slices.Sorted(maps.Keys(unionKeys(o.From, o.To))) {
		if o.From[k] != o.To[k] {
			out = append(out, k)
		}
	}
	return out
}

// Describe spells the change as "key: old => new" pairs for humans.
func (o SetTableOptions) Describe() string {
	var parts []string
	for _, k := range o.Changed() {
		parts = append(parts, k+": "+optionValue(o.From[k])+" => "+optionValue(o.To[k]))
	}
	return strings.Join(parts, "; ")
}

func optionValue(v string) string {
	if v == "" {
		return "(none)"
	}
	return strings.ReplaceAll(v, "\n", ", ")
}

func unionKeys(a, b map[string]string) map[string]bool {
	out := map[string]bool{}
	for k := range a {
		out[k] = true
	}
	for k := range b {
		out[k] = true
	}
	return out
}

// applyTableOptions sets To's options on t and removes the keys From has
// and To does not.
func applyTableOptions(t *schema.Table, o SetTableOptions) {
	if t.Options == nil {
		t.Options = map[string]string{}
	}
	for k := range o.From {
		if _, ok := o.To[k]; !ok {
			delete(t.Options, k)
		}
	}
	for k, v := range o.To {
		t.Options[k] = v
	}
}
