package retort

import (
	"strings"
	"testing"

	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/schema"
)

// A renamed table carries the objects on it and its own (when the desired
// schema has them under the new name); a renamed column carries those
// named after it; nothing else moves.
func TestCarryRenamedTables(t *testing.T) {
	live := &schema.Schema{Unmanaged: []schema.Object{
		{Kind: "index options", Table: "notes", Name: "notes_body", Definition: "WITH (fillfactor=70)"},
		{Kind: "table options", Name: "notes", Definition: "UNLOGGED"},
		{Kind: "event", Name: "notes", Definition: "EVERY 1 DAY"},
		{Kind: "column options", Table: "notes", Name: "body", Definition: "STORAGE EXTERNAL"},
		{Kind: "index options", Table: "other", Name: "other_a", Definition: "WITH (fillfactor=70)"},
	}}
	want := &schema.Schema{Unmanaged: []schema.Object{
		{Kind: "table options", Name: "memos"},
		{Kind: "column options", Table: "memos", Name: "text"},
	}}
	ops := []op.Op{op.RenameTable{Old: "notes", New: "memos"}, op.RenameColumn{Table: op.Ref{Name: "memos"}, Old: "body", New: "text"}}
	got := carryRenamedTables(live, want, ops)
	var lines []string
	for _, o := range got.Unmanaged {
		lines = append(lines, o.Kind+" "+o.Table+"."+o.Name)
	}
	wantLines := "column options memos.text,event .notes,index options memos.notes_body,index options other.other_a,table options .memos"
	if strings.Join(lines, ",") != wantLines {
		t.Errorf("carried:\n%s\nwant:\n%s", strings.Join(lines, ","), wantLines)
	}
	if live.Unmanaged[0].Table != "notes" {
		t.Errorf("live was changed: %v", live.Unmanaged[0])
	}
}
