package retort

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/retortdb/retort/schema"
)

// SQLite's ON CONFLICT clauses appear in the JSON schema, and only where set.
func TestJSONSchemaConflictClauses(t *testing.T) {
	s := &schema.Schema{Tables: []*schema.Table{{Name: "t",
		Columns:    []*schema.Column{{Name: "a", Type: "TEXT", NotNullConflict: "IGNORE"}, {Name: "b", Type: "TEXT"}},
		PrimaryKey: &schema.PrimaryKey{Columns: []string{"a"}, OnConflict: "REPLACE"},
		Uniques:    []*schema.Unique{{Columns: []string{"b"}, OnConflict: "FAIL"}, {Columns: []string{"a", "b"}}},
	}}}
	b, err := json.Marshal(NewJSONSchema(s))
	if err != nil {
		t.Fatal(err)
	}
	got := string(b)
	for _, want := range []string{`"not_null_on_conflict":"IGNORE"`, `"columns":["a"],"on_conflict":"REPLACE"`, `"columns":["b"],"deferrable":false,"initially_deferred":false,"on_conflict":"FAIL"`} {
		if !strings.Contains(got, want) {
			t.Errorf("JSON lacks %s:\n%s", want, got)
		}
	}
	if n := strings.Count(got, "on_conflict"); n != 3 {
		t.Errorf("%d on_conflict fields, want 3 (empty ones left out):\n%s", n, got)
	}
}
