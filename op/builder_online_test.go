package op

import (
	"reflect"
	"strings"
	"testing"

	"github.com/retortdb/retort/schema"
)

// TestBuilderOnline: the Online calls add the same operations as the
// plain ones with Online set, the reverse keeps it, and the plain calls
// leave it unset.
func TestBuilderOnline(t *testing.T) {
	notes := Ref{Name: "notes"}
	authorIdx := &schema.Index{Name: "notes_author_idx", Parts: []schema.IndexPart{{Column: "author_id"}}}
	tests := []struct {
		name string
		do   func(b *Builder) error
		want []Op
	}{
		{"create index", func(b *Builder) error { return b.Online().CreateIndex("", "notes", "id") },
			[]Op{CreateIndex{Table: notes, Online: true, Index: &schema.Index{Name: "notes_id_idx", Parts: []schema.IndexPart{{Column: "id"}}}}}},
		{"create unique index", func(b *Builder) error {
			return b.Online().CreateUniqueIndex("notes_id_uix", "notes", "id", "author_id")
		},
			[]Op{CreateIndex{Table: notes, Online: true, Index: &schema.Index{Name: "notes_id_uix", Unique: true,
				Parts: []schema.IndexPart{{Column: "id"}, {Column: "author_id"}}}}}},
		{"drop index", func(b *Builder) error { return b.Online().DropIndex("notes", "NOTES_AUTHOR_IDX") },
			[]Op{DropIndex{Table: notes, Online: true, Index: authorIdx}}},
		{"plain calls stay plain", func(b *Builder) error {
			b.DropIndex("notes", "notes_author_idx")
			return b.CreateIndex("notes_author_idx", "notes", "author_id")
		}, []Op{DropIndex{Table: notes, Index: authorIdx}, CreateIndex{Table: notes, Index: authorIdx}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := NewBuilder(blog(), BuilderOptions{})
			if err := tt.do(b); err != nil {
				t.Fatal(err)
			}
			if got := b.Ops(); !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("ops %#v\nwant %#v", got, tt.want)
			}
			for i, o := range ReverseAll(b.Ops()) {
				if online(o) != online(tt.want[len(tt.want)-1-i]) {
					t.Errorf("reverse of %s lost or gained Online", tt.want[len(tt.want)-1-i])
				}
			}
		})
	}
}

func TestBuilderOnlineErrors(t *testing.T) {
	tests := []struct {
		name string
		do   func(b *Builder) error
		want string
	}{
		{"missing column", func(b *Builder) error { return b.Online().CreateIndex("", "notes", "nope") }, "no column nope"},
		{"index exists", func(b *Builder) error { return b.Online().CreateUniqueIndex("notes_author_idx", "notes", "id") }, "index notes_author_idx already exists"},
		{"missing index", func(b *Builder) error { return b.Online().DropIndex("notes", "nope") }, "no index named nope"},
		{"missing table", func(b *Builder) error { return b.Online().CreateIndex("", "nope", "id") }, "no table nope"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := NewBuilder(blog(), BuilderOptions{})
			if err := tt.do(b); err == nil || !strings.Contains(err.Error(), tt.want) || b.Err() != err {
				t.Fatalf("error %v (Err %v), want it to contain %q and stick", err, b.Err(), tt.want)
			}
		})
	}
}

func online(o Op) bool {
	switch o := o.(type) {
	case CreateIndex:
		return o.Online
	case DropIndex:
		return o.Online
	}
	return false
}
