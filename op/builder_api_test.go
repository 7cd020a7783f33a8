package op

import (
	"reflect"
	"strings"
	"testing"

	"github.com/retortdb/retort/schema"
)

// TestBuilderCalls covers the Builder and Batch calls TestBuilderOps
// leaves out: each case's ops, and what they leave in Current.
func TestBuilderCalls(t *testing.T) {
	tests := []struct {
		name  string
		do    func(b *Builder) error
		want  []string // Op.String of each collected op
		check func(t *testing.T, s *schema.Schema)
	}{
		{"set type and default, then drop the default", func(b *Builder) error {
			b.AlterColumn("users", "email", SetType(String(320)), SetDefault("''"))
			return b.AlterColumn("users", "email", DropDefault())
		}, []string{"alter column users.email", "alter column users.email"}, func(t *testing.T, s *schema.Schema) {
			c := s.Table("", "users").Column("email")
			if c.Type != "VARCHAR(320)" || c.Default != nil {
				t.Errorf("email is %s default %v, want VARCHAR(320) without a default", c.Type, c.Default)
			}
		}},
		{"set type spelled by the dialect", func(b *Builder) error {
			return b.AlterColumn("users", "id", SetType(BigInt))
		}, []string{"alter column users.id"}, func(t *testing.T, s *schema.Schema) {
			if typ := s.Table("", "users").Column("id").Type; typ != "int8" {
				t.Errorf("id is %s, want int8 from BuilderOptions.Types", typ)
			}
		}},
		{"create unique by convention and by name", func(b *Builder) error {
			b.CreateUnique("", "users", "email")
			return b.CreateUnique("users_id_email_uq", "users", "id", "email")
		}, []string{"add unique users_email_key[email] on users", "add unique users_id_email_uq[id email] on users"}, nil},
		{"add takes operations as they are", func(b *Builder) error {
			return b.Add(SetTableComment{Table: Ref{Name: "users"}, To: "people"},
				CreateView{View: &schema.View{Name: "emails", Def: "SELECT email FROM users"}})
		}, []string{"set comment on users", "create view emails"}, func(t *testing.T, s *schema.Schema) {
			if s.Table("", "users").Comment != "people" || s.View("", "emails") == nil {
				t.Error("comment or view missing from Current")
			}
		}},
		{"comments on a view, an index and a constraint, then drop the constraint", func(b *Builder) error {
			b.Add(CreateView{View: &schema.View{Name: "emails", Def: "SELECT email FROM users"}},
				AddExclusion{Table: Ref{Name: "users"}, Exclusion: &schema.Exclusion{Name: "users_one", Parts: []schema.IndexPart{{Column: "email", Operator: "="}}}},
				CreateIndex{Table: Ref{Name: "users"}, Index: &schema.Index{Name: "users_email_idx", Parts: []schema.IndexPart{{Column: "email"}}}})
			b.SetViewComment("emails", "addresses")
			b.SetIndexComment("users", "users_email_idx", "by email")
			b.SetConstraintComment("users", "users_one", "one each")
			b.SetConstraintComment("users", "users_one", "")
			return b.DropConstraint("users", "users_one")
		}, []string{"create view emails", "add exclusion constraint users_one on users", "create index users_email_idx on users",
			"set comment on view emails", "set comment on index users_email_idx of users",
			"set comment on constraint users_one of users", "set comment on constraint users_one of users",
			"drop exclusion constraint users_one on users"}, func(t *testing.T, s *schema.Schema) {
			if s.View("", "emails").Comment != "addresses" || s.Table("", "users").Index("users_email_idx").Comment != "by email" ||
				len(s.Table("", "users").Exclusions) != 0 {
				t.Error("comments or exclusion not as the calls left them")
			}
		}},
		{"batch of constraint and index calls", func(b *Builder) error {
			return b.BatchAlterTable("notes", func(t *Batch) {
				t.DropForeignKeyOn([]string{"id"}, "users")
				t.DropIndex("notes_author_idx")
				t.CreateUnique("", "author_id")
				t.CreateCheck("notes_author_check", "author_id > 0")
				t.CreateIndex("", "author_id", "id")
				t.DropColumn("author_id")
			})
		}, []string{"drop foreign key [id] -> users[id] on notes", "drop index notes_author_idx on notes",
			"add unique notes_author_id_key[author_id] on notes", "add check notes_author_check (author_id > 0) on notes",
			"create index notes_author_id_id_idx on notes", "drop column notes.author_id"}, func(t *testing.T, s *schema.Schema) {
			// Dropping the column took its key, unique, check and index.
			n := s.Table("", "notes")
			if n.Column("author_id") != nil || len(n.ForeignKeys) != 0 || len(n.Uniques) != 1 || len(n.Checks) != 1 || len(n.Indexes) != 0 {
				t.Errorf("notes after the batch: %d keys, %d uniques, %d checks, %d indexes", len(n.ForeignKeys), len(n.Uniques), len(n.Checks), len(n.Indexes))
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			types := func(ty Type) (string, error) {
				if ty.Kind == KindBigInt {
					return "int8", nil
				}
				return StandardType(ty)
			}
			b := NewBuilder(blog(), BuilderOptions{Types: types})
			if err := tt.do(b); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, o := range b.Ops() {
				got = append(got, o.String())
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Fatalf("ops:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			if tt.check != nil {
				tt.check(t, b.Current())
			}
			// Start stays the schema the builder began with.
			if !reflect.DeepEqual(b.Start(), blog()) {
				t.Error("Start changed")
			}
		})
	}
}

func TestBuilderAddRefuses(t *testing.T) {
	b := NewBuilder(blog(), BuilderOptions{})
	err := b.Add(SetTableComment{Table: Ref{Name: "users"}, To: "x"}, DropView{View: &schema.View{Name: "nope"}}, SetTableComment{Table: Ref{Name: "notes"}, To: "y"})
	if err == nil || !strings.Contains(err.Error(), "no view nope") || b.Err() != err {
		t.Fatalf("Add = %v, Err = %v; want the missing view, sticking", err, b.Err())
	}
	if n := len(b.Ops()); n != 1 {
		t.Fatalf("Add kept %d ops, want the 1 before the failure", n)
	}
}

// TestTableSpec builds a table from every element and column option.
func TestTableSpec(t *testing.T) {
	ts := Table("orders",
		Column("id", BigInt).AutoIncrement().PrimaryKey(),
		Column("user_id", Integer).NotNull(),
		Column("code", String(8)).Default("'x'"),
		Column("note", Text),
		ForeignKey("", []string{"user_id"}, "users", []string{"id"}, FKOptions{OnDelete: schema.Cascade, InitiallyDeferred: true}),
		Unique("", "code"),
		Check("", "code <> ''"),
		UniqueIndex("", "user_id", "code"),
		Index("orders_note", "note"),
		nil, // skipped, so optional elements can be left out inline
	)
	got, err := ts.Build(nil, schema.Naming{})
	if err != nil {
		t.Fatal(err)
	}
	def := "'x'"
	want := &schema.Table{
		Name: "orders",
		Columns: []*schema.Column{
			{Name: "id", Type: "BIGINT", AutoIncrement: true},
			{Name: "user_id", Type: "INTEGER"},
			{Name: "code", Type: "VARCHAR(8)", Nullable: true, Default: &def},
			{Name: "note", Type: "TEXT", Nullable: true},
		},
		PrimaryKey: &schema.PrimaryKey{Columns: []string{"id"}},
		ForeignKeys: []*schema.ForeignKey{{Name: "orders_user_id_fkey", Columns: []string{"user_id"}, RefTable: "users", RefColumns: []string{"id"},
			OnDelete: schema.Cascade, Deferrable: true, InitiallyDeferred: true}},
		Uniques: []*schema.Unique{{Name: "orders_code_key", Columns: []string{"code"}}},
		Checks:  []*schema.Check{{Name: "orders__check", Expr: "code <> ''"}},
		Indexes: []*schema.Index{
			{Name: "orders_user_id_code_idx", Unique: true, Parts: []schema.IndexPart{{Column: "user_id"}, {Column: "code"}}},
			{Name: "orders_note", Parts: []schema.IndexPart{{Column: "note"}}},
		},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Build:\n%s\nwant:\n%s", dumpTable(got), dumpTable(want))
	}
}

func TestTableSpecErrors(t *testing.T) {
	tests := []struct {
		name string
		ts   *TableSpec
		want string
	}{
		{"no name", Table("", Column("a", Text)), "a table has no name"},
		{"no columns", Table("t", Check("c", "true")), "table t has no columns"},
		{"unnamed column", Table("t", Column("", Text)), "table t: a column has no name"},
		{"two primary keys", Table("t", Column("a", Text).PrimaryKey(), PrimaryKey("a")), "table t: the table already has a primary key"},
		{"second primary key column", Table("t", Column("a", Text).PrimaryKey(), Column("b", Text).PrimaryKey()), "column b: the table already has a primary key"},
		{"key from a missing column", Table("t", Column("a", Text), ForeignKey("f", []string{"b"}, "u", []string{"id"}, FKOptions{})), "foreign key f: table t has no column b"},
		{"bad type", Table("t", Column("a", Decimal(0, 0))), "table t: column a: decimal(0,0) needs precision > 0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.ts.Build(StandardType, schema.Naming{})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestBuildSchema(t *testing.T) {
	n := schema.Naming{Templates: map[string]string{"fk": "fk_{table}_{columns}"}}
	s, err := BuildSchema(StandardType, n,
		Table("users", Column("id", Integer).PrimaryKey()),
		Table("notes", Column("id", Integer).PrimaryKey(), Column("author_id", Integer),
			ForeignKey("", []string{"author_id"}, "users", []string{"id"}, FKOptions{})),
	)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Tables) != 2 || s.Tables[0].Name != "users" || s.Tables[1].ForeignKeys[0].Name != "fk_notes_author_id" {
		t.Fatalf("BuildSchema: %d tables, want users then notes with key fk_notes_author_id from the naming", len(s.Tables))
	}
	tests := []struct {
		name   string
		tables []*TableSpec
		want   string
	}{
		{"table twice", []*TableSpec{Table("a", Column("id", Integer)), Table("a", Column("id", Integer))}, "table a is declared twice"},
		{"a table fails", []*TableSpec{Table("a", Column("id", Integer)), Table("b")}, "table b has no columns"},
	}
	for _, tt := range tests {
		if _, err := BuildSchema(nil, n, tt.tables...); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want it to contain %q", tt.name, err, tt.want)
		}
	}
}

func TestSizedTypes(t *testing.T) {
	tests := []struct {
		name  string
		spell func(string, Type) (string, error)
		typ   Type
		want  string // "" for an error
	}{
		{"string", StringType, String(40), "CHARACTER VARYING(40)"},
		{"string zero", StringType, String(0), ""},
		{"string negative", StringType, String(-3), ""},
		{"decimal", DecimalType, Decimal(12, 4), "CHARACTER VARYING(12,4)"},
		{"decimal scale zero", DecimalType, Decimal(5, 0), "CHARACTER VARYING(5,0)"},
		{"decimal scale above precision", DecimalType, Decimal(2, 3), ""},
		{"decimal negative scale", DecimalType, Decimal(2, -1), ""},
		{"decimal zero precision", DecimalType, Decimal(0, 0), ""},
	}
	for _, tt := range tests {
		got, err := tt.spell("CHARACTER VARYING", tt.typ)
		switch {
		case tt.want == "" && err == nil:
			t.Errorf("%s: %q, want an error", tt.name, got)
		case tt.want != "" && (err != nil || got != tt.want):
			t.Errorf("%s: %q, %v; want %q", tt.name, got, err, tt.want)
		}
	}
}

func dumpTable(t *schema.Table) string {
	var b strings.Builder
	for _, c := range t.Columns {
		def := "-"
		if c.Default != nil {
			def = *c.Default
		}
		b.WriteString("col " + c.Name + " " + c.Type + " default " + def + "\n")
	}
	for _, k := range t.ForeignKeys {
		b.WriteString("fk " + k.Name + "\n")
	}
	for _, u := range t.Uniques {
		b.WriteString("uq " + u.Name + "\n")
	}
	for _, c := range t.Checks {
		b.WriteString("ck " + c.Name + "\n")
	}
	for _, ix := range t.Indexes {
		b.WriteString("ix " + ix.Name + "\n")
	}
	return b.String()
}
