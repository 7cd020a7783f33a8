package sqlite

import (
	"bytes"
	"context"
	"testing"

	"github.com/retortdb/retort/schema"
)

// ReflectKeyed reflects exactly as Reflect on a miss, returns the cached
// schema on a hit, and its key changes with every schema change,
// including ones that only a pragma shows (a collation, a column's
// default) and a name's spelling alone.
func TestReflectKeyed(t *testing.T) {
	ctx := context.Background()
	db := reflOpenMemory(t)
	reflBenchSchema(t, db, 3)
	miss := func() []byte {
		t.Helper()
		s, key, hit, err := Dialect{}.ReflectKeyed(ctx, db, func([]byte) *schema.Schema { return nil })
		if err != nil || hit {
			t.Fatalf("miss: hit %v, err %v", hit, err)
		}
		want, err := Dialect{}.Reflect(ctx, db)
		if err != nil {
			t.Fatal(err)
		}
		if reflJSON(s) != reflJSON(want) {
			t.Fatalf("ReflectKeyed = %s\nReflect = %s", reflJSON(s), reflJSON(want))
		}
		return key
	}
	seen := [][]byte{miss()}
	for _, change := range []string{
		`CREATE TABLE extra (id INTEGER PRIMARY KEY)`,
		`ALTER TABLE extra ADD COLUMN name TEXT COLLATE NOCASE`,
		`ALTER TABLE extra ADD COLUMN n INT DEFAULT 1`,
		`ALTER TABLE extra RENAME COLUMN n TO "N"`,
		`CREATE INDEX extra_name ON extra (name)`,
	} {
		if _, err := db.ExecContext(ctx, change); err != nil {
			t.Fatal(err)
		}
		key := miss()
		for _, k := range seen {
			if bytes.Equal(k, key) {
				t.Fatalf("after %s the key is one seen before", change)
			}
		}
		seen = append(seen, key)
	}

	// Undoing the last change gives the earlier schema text, so its key.
	if _, err := db.ExecContext(ctx, `DROP INDEX extra_name`); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(miss(), seen[len(seen)-2]) {
		t.Fatal("the schema as it was before CREATE INDEX has another key now")
	}
	seen = seen[:len(seen)-1]

	cached := &schema.Schema{Tables: []*schema.Table{{Name: "from the cache"}}}
	var asked []byte
	s, key, hit, err := Dialect{}.ReflectKeyed(ctx, db, func(k []byte) *schema.Schema { asked = k; return cached })
	if err != nil || !hit || s != cached {
		t.Fatalf("hit: %v %v %v", hit, err, s)
	}
	if !bytes.Equal(asked, key) || !bytes.Equal(key, seen[len(seen)-1]) {
		t.Fatal("the key asked for is not the key of the database as it is")
	}
}
