package diff

import (
	"fmt"
	"math/rand"
	"testing"

	"github.com/retortdb/retort/schema"
)

// genSchema builds a random but consistent schema over a small universe of
// names, so two of them overlap a lot: every key references an existing
// key, views name existing tables.
func genSchema(r *rand.Rand) *schema.Schema {
	s := &schema.Schema{}
	pick := func(opts ...string) string { return opts[r.Intn(len(opts))] }
	maybe := func(name string) string {
		if r.Intn(3) == 0 {
			return ""
		}
		return name
	}
	for i := 0; i < 5; i++ {
		if r.Intn(4) == 0 {
			continue
		}
		t := table(fmt.Sprintf("t%d", i))
		t.Columns = append(t.Columns, &schema.Column{Name: "id", Type: pick("integer", "bigint")})
		for c := 0; c < 3; c++ {
			if r.Intn(3) > 0 {
				t.Columns = append(t.Columns, &schema.Column{Name: fmt.Sprintf("c%d", c), Type: pick("integer", "text"), Nullable: r.Intn(2) == 0})
			}
		}
		switch r.Intn(5) {
		case 0:
		case 1:
			if t.Column("c0") != nil {
				t.PrimaryKey = pk(maybe(t.Name+"_pkey"), "id", "c0")
				break
			}
			fallthrough
		default:
			t.PrimaryKey = pk(maybe(t.Name+"_pkey"), "id")
		}
		if t.Column("c1") != nil && r.Intn(2) == 0 {
			t.Uniques = append(t.Uniques, &schema.Unique{Name: maybe(pick("uq_a", "uq_b")), Columns: []string{"c1"}, Deferrable: r.Intn(3) == 0})
		}
		if t.PrimaryKey != nil && len(t.PrimaryKey.Columns) > 1 && r.Intn(2) == 0 {
			t.Uniques = append(t.Uniques, &schema.Unique{Name: maybe("uq_id"), Columns: []string{"id"}})
		}
		if r.Intn(2) == 0 {
			t.Checks = append(t.Checks, &schema.Check{Name: maybe(pick("ck_a", "ck_b")), Expr: pick("id > 0", "id > 1")})
		}
		if t.Column("c2") != nil && r.Intn(2) == 0 {
			t.Indexes = append(t.Indexes, &schema.Index{Name: pick("ix_a", "ix_b") + "_" + t.Name, Unique: r.Intn(2) == 0, Parts: []schema.IndexPart{{Column: "c2"}}})
		}
		s.Tables = append(s.Tables, t)
	}
	for _, t := range s.Tables {
		for _, p := range s.Tables {
			if r.Intn(3) > 0 || !hasKey(p, []string{"id"}) {
				continue
			}
			c := "ref_" + p.Name
			if t.Column(c) == nil {
				t.Columns = append(t.Columns, &schema.Column{Name: c, Type: p.Column("id").Type, Nullable: true})
			}
			k := fk(maybe(pick("fk_", "fk2_")+t.Name+"_"+p.Name), c, p.Name, "id", onDelete(schema.FKAction(pick("", "CASCADE", "SET NULL"))))
			k.Deferrable = r.Intn(4) == 0
			t.ForeignKeys = append(t.ForeignKeys, k)
		}
	}
	if len(s.Tables) > 0 && r.Intn(2) == 0 {
		t := s.Tables[r.Intn(len(s.Tables))]
		s.Views = append(s.Views, &schema.View{Name: "v0", Def: pick("SELECT id FROM ", "SELECT id, 1 FROM ") + t.Name})
		if r.Intn(2) == 0 {
			s.Views = append(s.Views, &schema.View{Name: "v1", Def: "SELECT * FROM v0"})
		}
		if r.Intn(2) == 0 {
			s.Triggers = append(s.Triggers, &schema.Trigger{Name: "tr", Table: t.Name, SQL: pick("A ", "B ") + t.Name})
		}
	}
	return s
}

// TestRandomSchemas diffs random pairs and checks each result executes
// both ways in the simulator.
func TestRandomSchemas(t *testing.T) {
	n := 3000
	if testing.Short() {
		n = 300
	}
	for seed := int64(0); seed < int64(n); seed++ {
		r := rand.New(rand.NewSource(seed))
		from, to := genSchema(r), genSchema(r)
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			diffAndCheck(t, from, to, Options{FKNeedsIndex: seed%2 == 0, Decide: coin(r)})
		})
		if t.Failed() {
			return
		}
	}
}

func FuzzSchemas(f *testing.F) {
	for _, s := range []int64{0, 1, 42} {
		f.Add(s, s+1)
	}
	f.Fuzz(func(t *testing.T, a, b int64) {
		from := genSchema(rand.New(rand.NewSource(a)))
		to := genSchema(rand.New(rand.NewSource(b)))
		diffAndCheck(t, from, to, Options{Decide: coin(rand.New(rand.NewSource(a ^ b)))})
	})
}

// coin decides likely renames at random, so both answers get executed.
func coin(r *rand.Rand) func(Candidate) (bool, error) {
	return func(Candidate) (bool, error) { return r.Intn(2) == 0, nil }
}

// hasKey reports whether t has a primary key, unique or unique index over
// exactly cols, as PostgreSQL requires of a referenced column list.
func hasKey(t *schema.Table, cols []string) bool {
	var keys [][]string
	if t.PrimaryKey != nil {
		keys = append(keys, t.PrimaryKey.Columns)
	}
	for _, u := range t.Uniques {
		keys = append(keys, u.Columns)
	}
	for _, ix := range t.Indexes {
		if ix.Unique && ix.Where == "" {
			if c := indexColumns(ix); c != nil {
				keys = append(keys, c)
			}
		}
	}
	for _, k := range keys {
		if len(k) == len(cols) && keyCovers([][]string{k}, cols) {
			return true
		}
	}
	return false
}
