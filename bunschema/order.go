package bunschema

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/schema"
)

// creationOrder sorts the models so that every table is created after
// the tables its foreign keys reference, keeping the given order where
// the keys allow. bun writes each table's keys into its CREATE TABLE, so
// a cycle of keys has no order and is an error.
func creationOrder(db *bun.DB, ptrs []any) ([]any, error) {
	tables := make([]*schema.Table, len(ptrs))
	index := map[*schema.Table]int{}
	for i, p := range ptrs {
		tables[i] = db.Table(reflect.TypeOf(p).Elem())
		index[tables[i]] = i
	}
	deps := make([][]int, len(ptrs))
	for i, t := range tables {
		for _, rel := range t.Relations {
			if !rel.References() || rel.JoinTable == t {
				continue
			}
			j, ok := index[rel.JoinTable]
			if !ok {
				return nil, fmt.Errorf("bunschema: model %s references %s (field %s), which is not among the models", t.Type, rel.JoinTable.Type, rel.Field.GoName)
			}
			deps[i] = append(deps[i], j)
		}
	}
	done := make([]bool, len(ptrs))
	var ordered []any
	for len(ordered) < len(ptrs) {
		progressed := false
		for i := range ptrs {
			if !done[i] && allDone(deps[i], done) {
				done[i] = true
				ordered = append(ordered, ptrs[i])
				progressed = true
				break
			}
		}
		if !progressed {
			var cycle []string
			for i, t := range tables {
				if !done[i] {
					cycle = append(cycle, t.Name)
				}
			}
			return nil, fmt.Errorf("bunschema: the foreign keys of tables %s form a cycle; bun creates each table with its keys, so no creation order works", strings.Join(cycle, ", "))
		}
	}
	return ordered, nil
}

func allDone(deps []int, done []bool) bool {
	for _, d := range deps {
		if !done[d] {
			return false
		}
	}
	return true
}
