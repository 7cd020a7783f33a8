package diff

import (
	"strings"
	"testing"

	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/schema"
)

// col parses "name type [null]".
func col(spec string) *schema.Column {
	f := strings.Fields(spec)
	c := &schema.Column{Name: f[0], Type: f[1]}
	c.Nullable = len(f) > 2 && f[2] == "null"
	return c
}

func table(name string, specs ...string) *schema.Table {
	t := &schema.Table{Name: name}
	for _, s := range specs {
		t.Columns = append(t.Columns, col(s))
	}
	return t
}

func pk(name string, cols ...string) *schema.PrimaryKey {
	return &schema.PrimaryKey{Name: name, Columns: cols}
}

// fk builds a key "name: a,b -> table(c,d)" with options applied.
func fk(name, cols, ref, refCols string, opts ...func(*schema.ForeignKey)) *schema.ForeignKey {
	k := &schema.ForeignKey{Name: name, Columns: strings.Split(cols, ","), RefTable: ref, RefColumns: strings.Split(refCols, ",")}
	for _, o := range opts {
		o(k)
	}
	return k
}

func onDelete(a schema.FKAction) func(*schema.ForeignKey) {
	return func(k *schema.ForeignKey) { k.OnDelete = a }
}

func str(s string) *string { return &s }

// blog is users <- notes, the running example.
func blog() *schema.Schema {
	users := table("users", "id integer", "email text")
	users.PrimaryKey = pk("users_pkey", "id")
	users.Uniques = []*schema.Unique{{Name: "users_email_key", Columns: []string{"email"}}}
	notes := table("notes", "id integer", "author_id integer", "body text null")
	notes.PrimaryKey = pk("notes_pkey", "id")
	notes.ForeignKeys = []*schema.ForeignKey{fk("notes_author_id_fkey", "author_id", "users", "id")}
	notes.Indexes = []*schema.Index{{Name: "notes_author_id_idx", Parts: []schema.IndexPart{{Column: "author_id"}}}}
	return &schema.Schema{Tables: []*schema.Table{users, notes}}
}

// with returns a copy of s changed by f.
func with(s *schema.Schema, f func(s *schema.Schema)) *schema.Schema {
	c := s.Clone()
	f(c)
	return c
}

func tbl(s *schema.Schema, name string) *schema.Table { return s.Table("", name) }

// show renders ops for comparison: op.String, with keys in full.
func show(ops []op.Op) []string {
	out := make([]string, 0, len(ops))
	for _, o := range ops {
		switch o := o.(type) {
		case op.AddForeignKey:
			out = append(out, "add fk "+o.Table.String()+" "+fkTarget(o.FK, o.Table)+fkOptions(o.FK))
		case op.DropForeignKey:
			out = append(out, "drop fk "+o.Table.String()+" "+fkTarget(o.FK, o.Table)+fkOptions(o.FK))
		case op.CreateTable:
			out = append(out, o.String()+fkNames(o.Table))
		case op.DropTable:
			out = append(out, o.String()+fkNames(o.Table))
		default:
			out = append(out, o.String())
		}
	}
	return out
}

func fkNames(t *schema.Table) string {
	if len(t.ForeignKeys) == 0 {
		return ""
	}
	var n []string
	for _, k := range t.ForeignKeys {
		n = append(n, fkLabel(k))
	}
	return " fks=" + strings.Join(n, ",")
}

// diffAndCheck diffs from -> to, then proves the result executable and
// reversible: applying it to from (refusing what a database refuses) gives
// a schema that no longer differs from to, and applying op.ReverseAll to
// that gives one that no longer differs from from.
func diffAndCheck(t *testing.T, from, to *schema.Schema, opts Options) []op.Op {
	t.Helper()
	ops, err := Schemas(from, to, opts)
	if err != nil {
		t.Fatalf("Schemas: %v", err)
	}
	checkNamed(t, ops, opts.Naming)
	checkExecutable(t, from, to, ops, opts)
	return ops
}

// checkNamed fails when an upgrade adds a constraint without a name: the
// desired schema's unnamed ones must be named by Options.Naming (checks
// only where the naming names them).
func checkNamed(t *testing.T, ops []op.Op, naming schema.Naming) {
	t.Helper()
	for _, o := range ops {
		var names []string
		switch o := o.(type) {
		case op.AddForeignKey:
			names = append(names, o.FK.Name)
		case op.AddUnique:
			names = append(names, o.Unique.Name)
		case op.AddCheck:
			if naming.NamesChecks() {
				names = append(names, o.Check.Name)
			}
		case op.CreateTable:
			for _, k := range o.Table.ForeignKeys {
				names = append(names, k.Name)
			}
			for _, u := range o.Table.Uniques {
				names = append(names, u.Name)
			}
			for _, c := range o.Table.Checks {
				if naming.NamesChecks() {
					names = append(names, c.Name)
				}
			}
		}
		for _, n := range names {
			if n == "" {
				t.Errorf("%s adds an unnamed constraint", o)
			}
		}
	}
}

func checkExecutable(t *testing.T, from, to *schema.Schema, ops []op.Op, opts Options) {
	t.Helper()
	if from == nil {
		from = &schema.Schema{}
	}
	if to == nil {
		to = &schema.Schema{}
	}
	up := from.Clone()
	if err := op.ApplyStrict(up, ops...); err != nil {
		t.Fatalf("upgrade is not executable: %v\nops:\n%s", err, strings.Join(show(ops), "\n"))
	}
	if again, err := Schemas(up, to, opts); err != nil || len(again) > 0 {
		t.Fatalf("after upgrade still differs from desired (%v):\n%s", err, strings.Join(show(again), "\n"))
	}
	down := up.Clone()
	rev := op.ReverseAll(ops)
	if err := op.ApplyStrict(down, rev...); err != nil {
		t.Fatalf("downgrade is not executable: %v\nops:\n%s", err, strings.Join(show(rev), "\n"))
	}
	if again, err := Schemas(down, from, opts); err != nil || len(again) > 0 {
		t.Fatalf("after downgrade still differs from live (%v):\n%s", err, strings.Join(show(again), "\n"))
	}
}

func equalLines(t *testing.T, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("ops differ\n got:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

func removeColumn(cs []*schema.Column, name string) []*schema.Column {
	var out []*schema.Column
	for _, c := range cs {
		if c.Name != name {
			out = append(out, c)
		}
	}
	return out
}
