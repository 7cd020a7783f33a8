package postgres

import (
	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/schema"
)

// Table option keys (schema.Table.Options) this dialect owns.
const (
	optPartitionBy = "partition_by" // the partition key; a change recreates the table
	optUnlogged    = "unlogged"     // "true" for an UNLOGGED table
)

// comparedTableOptions are the keys Capabilities.TableOptions declares:
// diff turns a change in them into an op.SetTableOptions.
var comparedTableOptions = []string{optUnlogged}

func setOption(t *schema.Table, key, value string) {
	if t.Options == nil {
		t.Options = map[string]string{}
	}
	t.Options[key] = value
}

// setTableOptions renders a change of table options: SET LOGGED and SET
// UNLOGGED rewrite the table in place.
func (r *renderer) setTableOptions(o op.SetTableOptions) {
	for _, k := range o.Changed() {
		if k != optUnlogged {
			continue
		}
		if o.To[optUnlogged] == "true" {
			r.alter(o.Table, "SET UNLOGGED")
		} else {
			r.alter(o.Table, "SET LOGGED")
		}
	}
}
