package diff

import (
	"testing"

	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/schema"
)

// TestPrimaryKeyChangeOrder: a column joining the primary key is altered
// before the key changes, the others after it, so the reversed list (the
// downgrade) frees a column of the key before it lets it take NULL.
func TestPrimaryKeyChangeOrder(t *testing.T) {
	from := &schema.Schema{Tables: []*schema.Table{func() *schema.Table {
		t := table("t", "a int", "b int null", "c int")
		t.PrimaryKey = pk("", "a", "c")
		return t
	}()}}
	to := &schema.Schema{Tables: []*schema.Table{func() *schema.Table {
		t := table("t", "a int", "b int", "c int null")
		t.PrimaryKey = pk("", "a", "b")
		return t
	}()}}
	ops := diffAndCheck(t, from, to, Options{})
	equalLines(t, show(ops), []string{"alter column t.b", "alter primary key on t", "alter column t.c"})
	equalLines(t, show(op.ReverseAll(ops)), []string{"alter column t.c", "alter primary key on t", "alter column t.b"})
}
