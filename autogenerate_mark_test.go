package retort_test

import (
	"reflect"
	"testing"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/schema"
)

// TestMarkOnline: autogenerate marks the index changes of big existing
// tables Online, not those of a table the revision creates (it starts
// empty), and only where the dialect has lock hazards to avoid.
func TestMarkOnline(t *testing.T) {
	ix := &schema.Index{Name: "t_a_idx", Parts: []schema.IndexPart{{Column: "a"}}}
	big, fresh := op.Ref{Name: "big"}, op.Ref{Name: "fresh"}
	ops := []op.Op{
		op.CreateIndex{Table: big, Index: ix},
		op.DropIndex{Table: big, Index: ix},
		op.CreateTable{Table: &schema.Table{Name: "fresh", Columns: []*schema.Column{{Name: "a", Type: "int"}}}},
		op.CreateIndex{Table: fresh, Index: ix},
		op.AddColumn{Table: big, Column: &schema.Column{Name: "b", Type: "int", Nullable: true}},
	}
	marked := append([]op.Op(nil), ops...)
	marked[0] = op.CreateIndex{Table: big, Index: ix, Online: true}
	marked[1] = op.DropIndex{Table: big, Index: ix, Online: true}
	everyTable := func(string) bool { return true }
	tests := []struct {
		name    string
		dialect string
		big     func(string) bool
		want    []op.Op
	}{
		{"postgres big tables", "postgres", everyTable, marked},
		{"postgres no big table", "postgres", func(string) bool { return false }, ops},
		{"postgres without row counts", "postgres", nil, ops},
		{"mysql", "mysql", everyTable, ops},
		{"sqlite", "sqlite", everyTable, ops},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := retort.New(nil, nil, retort.Options{DialectName: tt.dialect})
			if err != nil {
				t.Skip(err)
			}
			if got := retort.MarkOnline(m, ops, tt.big); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("marked:\n%#v\nwant:\n%#v", got, tt.want)
			}
		})
	}
}
