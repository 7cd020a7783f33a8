package retort

import (
	"crypto/sha256"
	"testing"

	"github.com/retortdb/retort/schema"
)

func sameModelBase() *schema.Schema {
	def := "0"
	return &schema.Schema{
		Tables: []*schema.Table{{
			Name: "users",
			Columns: []*schema.Column{
				{Name: "id", Type: "bigint", AutoIncrement: true},
				{Name: "qty", Type: "int", Nullable: true, Default: &def, Attrs: map[string]string{"unsigned": "true"}},
				{Name: "label", Type: "text", Generated: &schema.Generated{Expr: "lower(name)", Stored: true}},
			},
			PrimaryKey: &schema.PrimaryKey{Columns: []string{"id"}},
			Indexes:    []*schema.Index{{Name: "users_qty", Parts: []schema.IndexPart{{Column: "qty", Desc: true}}}},
			Options:    map[string]string{"ENGINE": "InnoDB"},
		}},
		Enums:  []*schema.Enum{{Name: "mood", Values: []string{"happy", "sad"}}},
		Server: "10.11",
	}
}

// sameModel sees every difference gob could introduce except nil versus
// empty slices and maps.
func TestSameModel(t *testing.T) {
	empty := ""
	cases := []struct {
		name   string
		change func(s *schema.Schema)
		same   bool
	}{
		{"unchanged", func(s *schema.Schema) {}, true},
		{"nil slice for an empty one", func(s *schema.Schema) { s.Views = []*schema.View{} }, true},
		{"nil map for an empty one", func(s *schema.Schema) { s.Tables[0].Columns[0].Attrs = map[string]string{} }, true},
		{"a column type", func(s *schema.Schema) { s.Tables[0].Columns[1].Type = "bigint" }, false},
		{"a default dropped", func(s *schema.Schema) { s.Tables[0].Columns[1].Default = nil }, false},
		{"an empty default for none", func(s *schema.Schema) { s.Tables[0].Columns[0].Default = &empty }, false},
		{"an empty generated expression for none", func(s *schema.Schema) { s.Tables[0].Columns[0].Generated = &schema.Generated{} }, false},
		{"an index part's order", func(s *schema.Schema) { s.Tables[0].Indexes[0].Parts[0].Desc = false }, false},
		{"a map value", func(s *schema.Schema) { s.Tables[0].Options["ENGINE"] = "MyISAM" }, false},
		{"a map key", func(s *schema.Schema) { s.Tables[0].Options = map[string]string{"CHARSET": "InnoDB"} }, false},
		{"an enum value more", func(s *schema.Schema) { s.Enums[0].Values = append(s.Enums[0].Values, "meh") }, false},
		{"the server", func(s *schema.Schema) { s.Server = "" }, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			changed := sameModelBase()
			c.change(changed)
			if got := sameModel(sameModelBase(), changed); got != c.same {
				t.Fatalf("sameModel = %v, want %v", got, c.same)
			}
		})
	}
}

// A schema gob cannot give back exactly is not cached; any other comes
// back whole.
func TestEncodeEntry(t *testing.T) {
	key := [sha256.Size]byte{7}
	s := sameModelBase()
	data, err := encodeEntry(key, s)
	if err != nil {
		t.Fatal(err)
	}
	back, err := decodeEntry(data, key)
	if err != nil || !sameModel(s, back) {
		t.Fatalf("round trip: %v", err)
	}
	empty := ""
	s.Tables[0].Columns[0].Default = &empty
	if _, err := encodeEntry(key, s); err == nil {
		t.Fatal("an empty default, which gob drops, was encoded")
	}
}
