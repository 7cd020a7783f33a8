package diff

import (
	"fmt"
	"testing"

	"github.com/retortdb/retort/schema"
)

// genWide builds n tables, each with a key to the previous one, a unique,
// a check and an index, as a large application schema would have.
func genWide(n int) *schema.Schema {
	s := &schema.Schema{}
	for i := 0; i < n; i++ {
		name := fmt.Sprintf("table_%04d", i)
		t := table(name, "id bigint", "parent_id bigint null", "code text", "amount integer null", "created_at timestamp")
		t.Column("created_at").Default = str("CURRENT_TIMESTAMP")
		t.PrimaryKey = pk(name+"_pkey", "id")
		t.Uniques = []*schema.Unique{{Name: name + "_code_key", Columns: []string{"code"}}}
		t.Checks = []*schema.Check{{Name: name + "_check", Expr: "amount >= 0"}}
		t.Indexes = []*schema.Index{{Name: name + "_created_at_idx", Parts: []schema.IndexPart{{Column: "created_at", Desc: true}}}}
		if i > 0 {
			t.ForeignKeys = []*schema.ForeignKey{fk(name+"_parent_id_fkey", "parent_id", fmt.Sprintf("table_%04d", i-1), "id", onDelete("CASCADE"))}
		}
		s.Tables = append(s.Tables, t)
	}
	return s
}

func BenchmarkSchemas500(b *testing.B) {
	from, to := genWide(500), genWide(500)
	b.ReportAllocs()
	for b.Loop() {
		ops, err := Schemas(from, to, Options{})
		if err != nil || len(ops) != 0 {
			b.Fatalf("identical schemas differ: %v %d ops", err, len(ops))
		}
	}
}

func BenchmarkSchemas500Create(b *testing.B) {
	to := genWide(500)
	for b.Loop() {
		if ops, err := Schemas(nil, to, Options{}); err != nil || len(ops) != 500 {
			b.Fatalf("%v %d ops", err, len(ops))
		}
	}
}

func TestWideSchemaCreatesInOrder(t *testing.T) {
	to := genWide(50)
	// Reverse the input order: parents must still come first.
	for i, j := 0, len(to.Tables)-1; i < j; i, j = i+1, j-1 {
		to.Tables[i], to.Tables[j] = to.Tables[j], to.Tables[i]
	}
	ops := diffAndCheck(t, nil, to, Options{})
	if len(ops) != 50 || ops[0].TableRef().Name != "table_0000" || ops[49].TableRef().Name != "table_0049" {
		t.Errorf("unexpected order: %v ... %v", ops[0], ops[len(ops)-1])
	}
}
