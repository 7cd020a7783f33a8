package mysql

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/golden"
	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/schema"
)

func str(s string) *string { return &s }

func renderFixture() *schema.Schema {
	return &schema.Schema{Tables: []*schema.Table{
		{Name: "users", Columns: []*schema.Column{{Name: "id", Type: "int(11)", AutoIncrement: true}, {Name: "email", Type: "varchar(255)"}},
			PrimaryKey: &schema.PrimaryKey{Columns: []string{"id"}},
			Uniques:    []*schema.Unique{{Name: "users_email_key", Columns: []string{"email"}}}},
		{Name: "notes", Columns: []*schema.Column{{Name: "id", Type: "int(11)"}, {Name: "author_id", Type: "int(11)"}},
			PrimaryKey:  &schema.PrimaryKey{Columns: []string{"id"}},
			ForeignKeys: []*schema.ForeignKey{{Name: "notes_author_id_fkey", Columns: []string{"author_id"}, RefTable: "users", RefColumns: []string{"id"}}},
			Checks:      []*schema.Check{{Name: "notes_id_check", Expr: "`id` > 0"}},
			Options:     map[string]string{fkIndexOption + "notes_author_id_fkey": "notes_author_id_fkey"}},
		{Name: "items", Columns: []*schema.Column{{Name: "id", Type: "int"}, {Name: "a", Type: "int", Nullable: true}, itemsG, {Name: "qty", Type: "int", Nullable: true}},
			Uniques: []*schema.Unique{{Name: "items_a_g_key", Columns: []string{"a", "g"}}},
			Indexes: []*schema.Index{{Name: "items_g", Parts: []schema.IndexPart{{Column: "g"}}}},
			Checks:  []*schema.Check{{Name: "qty", Expr: "`qty` >= 0", Column: "qty"}}},
	}}
}

var (
	items    = op.Ref{Name: "items"}
	itemsG   = &schema.Column{Name: "g", Type: "int", Nullable: true, Generated: &schema.Generated{Expr: "`a` * 2"}}
	itemsQty = &schema.Column{Name: "qty", Type: "int", Nullable: true}
	serialID = &schema.Column{Name: "sid", Type: "bigint", AutoIncrement: true}
	qtyCheck = &schema.Check{Name: "qty", Expr: "`qty` >= 0", Column: "qty"}
)

var (
	notes      = op.Ref{Name: "notes"}
	fkPlain    = &schema.ForeignKey{Name: "notes_author_id_fkey", Columns: []string{"author_id"}, RefTable: "users", RefColumns: []string{"id"}}
	fkCascade  = &schema.ForeignKey{Name: "notes_author_id_fkey", Columns: []string{"author_id"}, RefTable: "users", RefColumns: []string{"id"}, OnDelete: "CASCADE", OnUpdate: "RESTRICT"}
	bodyColumn = &schema.Column{Name: "body", Type: "text", Nullable: true, Collation: "utf8mb4_bin", Comment: "it's"}
)

var renderCases = []struct {
	name string
	ops  []op.Op
}{
	{"create_table", []op.Op{op.CreateTable{Table: &schema.Table{
		Name: "order", Comment: "orders", Options: map[string]string{"engine": "InnoDB", "charset": "utf8mb4", "collation": "utf8mb4_general_ci", fkIndexOption + "x": "x"},
		Columns: []*schema.Column{
			{Name: "id", Type: "bigint(20) unsigned", AutoIncrement: true},
			{Name: "select", Type: "varchar(10)", Nullable: true, Default: str("'a''b'"), Attrs: map[string]string{"charset": "latin1"}, Collation: "latin1_bin"},
			{Name: "at", Type: "timestamp", Default: str("current_timestamp()"), Attrs: map[string]string{"on_update": "current_timestamp()"}},
			{Name: "u", Type: "varchar(36)", Default: str("uuid()")},
			{Name: "n", Type: "int(11)", Nullable: true, Default: str("-1")},
			{Name: "twice", Type: "int(11)", Nullable: true, Generated: &schema.Generated{Expr: "`n` * 2", Stored: true}},
			{Name: "doc", Type: "json", Nullable: true, Attrs: map[string]string{"invisible": "true"}},
		},
		PrimaryKey:  &schema.PrimaryKey{Columns: []string{"id"}},
		Uniques:     []*schema.Unique{{Name: "order_u_key", Columns: []string{"u"}}},
		Indexes:     []*schema.Index{{Name: "order_sel", Parts: []schema.IndexPart{{Column: "select", Prefix: 4, Desc: true}, {Expr: "`n` + 1"}}, Invisible: true}, {Name: "order_doc_ft", Method: "FULLTEXT", Parts: []schema.IndexPart{{Column: "select"}}}},
		Checks:      []*schema.Check{{Name: "order_n", Expr: "`n` > 0"}},
		ForeignKeys: []*schema.ForeignKey{{Columns: []string{"n"}, RefTable: "order", RefColumns: []string{"id"}, OnDelete: "SET NULL"}},
	}}}},
	{"fk_change_one_alter", []op.Op{op.DropForeignKey{Table: notes, FK: fkPlain}, op.AddForeignKey{Table: notes, FK: fkCascade}}},
	{"fk_change_reversed", op.ReverseAll([]op.Op{op.DropForeignKey{Table: notes, FK: fkPlain}, op.AddForeignKey{Table: notes, FK: fkCascade}})},
	{"fk_drop_takes_implicit_index", []op.Op{op.DropForeignKey{Table: notes, FK: fkPlain}}},
	{"fk_merged_with_column_change", []op.Op{
		op.DropForeignKey{Table: notes, FK: fkPlain},
		op.AlterColumn{Table: notes, From: &schema.Column{Name: "author_id", Type: "int(11)"}, To: &schema.Column{Name: "author_id", Type: "bigint(20)"}},
		op.AddForeignKey{Table: notes, FK: fkPlain},
	}},
	{"columns", []op.Op{
		op.AddColumn{Table: notes, Column: bodyColumn},
		op.AlterColumn{Table: notes, From: bodyColumn, To: &schema.Column{Name: "body", Type: "mediumtext"}},
		op.RenameColumn{Table: notes, Old: "body", New: "text"},
		op.DropColumn{Table: notes, Column: bodyColumn},
		op.AlterPrimaryKey{Table: notes, From: &schema.PrimaryKey{Columns: []string{"id"}}, To: &schema.PrimaryKey{Columns: []string{"id", "author_id"}}},
		op.SetTableComment{Table: notes, To: "user's notes"},
	}},
	{"constraints_and_indexes", []op.Op{
		op.AddUnique{Table: notes, Unique: &schema.Unique{Columns: []string{"author_id", "id"}}},
		op.DropUnique{Table: op.Ref{Name: "users"}, Unique: &schema.Unique{Name: "users_email_key", Columns: []string{"email"}}},
		op.AddCheck{Table: notes, Check: &schema.Check{Name: "notes_pos", Expr: "`id` >= 0"}},
		op.DropCheck{Table: notes, Check: &schema.Check{Name: "notes_pos", Expr: "`id` >= 0"}},
		op.RenameConstraint{Table: notes, Kind: "ck", Old: "notes_id_check", New: "notes_id_positive"},
		op.RenameConstraint{Table: notes, Kind: "fk", Old: "notes_author_id_fkey", New: "notes_author_fk"},
		op.RenameConstraint{Table: op.Ref{Name: "users"}, Kind: "uq", Old: "users_email_key", New: "users_email_uq"},
		op.CreateIndex{Table: notes, Index: &schema.Index{Unique: true, Parts: []schema.IndexPart{{Column: "author_id", Desc: true}}}},
		op.RenameIndex{Table: notes, Old: "notes_author_id_idx", New: "notes_by_author"},
		op.DropIndex{Table: notes, Index: &schema.Index{Name: "notes_by_author"}},
	}},
	{"generated_virtual_to_stored", []op.Op{op.AlterColumn{Table: items, From: itemsG, To: &schema.Column{Name: "g", Type: "int", Nullable: true, Generated: &schema.Generated{Expr: "`a` * 2", Stored: true}}}}},
	{"generated_to_regular", []op.Op{op.AlterColumn{Table: items, From: itemsG, To: &schema.Column{Name: "g", Type: "int", Nullable: true}}}},
	{"stored_to_regular_modifies", []op.Op{op.AlterColumn{Table: items, From: &schema.Column{Name: "a", Type: "int", Generated: &schema.Generated{Expr: "1", Stored: true}}, To: &schema.Column{Name: "a", Type: "int"}}}},
	{"auto_increment_key_one_alter", []op.Op{
		op.AddColumn{Table: items, Column: serialID},
		op.AlterPrimaryKey{Table: items, To: &schema.PrimaryKey{Columns: []string{"sid"}}},
	}},
	{"auto_increment_key_one_alter_reversed", op.ReverseAll([]op.Op{
		op.AddColumn{Table: items, Column: serialID},
		op.AlterPrimaryKey{Table: items, To: &schema.PrimaryKey{Columns: []string{"sid"}}},
	})},
	{"added_fk_dropped_with_its_index", []op.Op{
		op.AddForeignKey{Table: items, FK: &schema.ForeignKey{Name: "items_id_fkey", Columns: []string{"id"}, RefTable: "users", RefColumns: []string{"id"}}},
		op.AddForeignKey{Table: items, FK: &schema.ForeignKey{Name: "items_a_fkey", Columns: []string{"a"}, RefTable: "users", RefColumns: []string{"id"}}},
		op.Execute{Up: "SELECT 1"},
		op.DropForeignKey{Table: items, FK: &schema.ForeignKey{Name: "items_id_fkey", Columns: []string{"id"}, RefTable: "users", RefColumns: []string{"id"}}},
		op.DropForeignKey{Table: items, FK: &schema.ForeignKey{Name: "items_a_fkey", Columns: []string{"a"}, RefTable: "users", RefColumns: []string{"id"}}},
	}},
	{"index_using", []op.Op{
		op.CreateIndex{Table: items, Index: &schema.Index{Name: "items_qty_h", Method: "HASH", Parts: []schema.IndexPart{{Column: "qty"}}}},
		op.CreateIndex{Table: items, Index: &schema.Index{Name: "items_qty_b", Method: "BTREE", Parts: []schema.IndexPart{{Column: "qty"}}}},
	}},
	{"column_check", []op.Op{
		op.AlterColumn{Table: items, From: itemsQty, To: &schema.Column{Name: "qty", Type: "bigint", Nullable: true}},
		op.DropCheck{Table: items, Check: qtyCheck},
		op.AddCheck{Table: items, Check: &schema.Check{Name: "qty", Expr: "`qty` > 0", Column: "qty"}},
		op.CreateTable{Table: &schema.Table{Name: "c", Columns: []*schema.Column{{Name: "n", Type: "int"}},
			Checks: []*schema.Check{{Name: "n", Expr: "`n` > 0", Column: "n"}, {Name: "c_n", Expr: "`n` < 9"}}}},
	}},
	{"tables_views_triggers", []op.Op{
		op.RenameTable{Old: "notes", New: "memos"},
		op.CreateView{View: &schema.View{Name: "v", Def: "select `memos`.`id` AS `id` from `memos`"}},
		op.DropView{View: &schema.View{Name: "v"}},
		op.CreateTrigger{Trigger: &schema.Trigger{Name: "tr", Table: "memos", SQL: "CREATE TRIGGER `tr` BEFORE INSERT ON `memos` FOR EACH ROW SET NEW.id = NEW.id"}},
		op.DropTrigger{Trigger: &schema.Trigger{Name: "tr", Table: "memos"}},
		op.Execute{Up: "UPDATE memos SET id = id"},
		op.DropTable{Table: &schema.Table{Name: "memos"}},
	}},
}

func TestRenderGolden(t *testing.T) {
	want := golden.Open(t, filepath.Join("testdata", "render.txtar"))
	for _, tc := range renderCases {
		t.Run(tc.name, func(t *testing.T) {
			stmts, err := Dialect{}.Render(tc.ops, renderFixture(), dialect.RenderOptions{})
			if err != nil {
				t.Fatal(err)
			}
			want.Check(t, tc.name, strings.Join(stmts, ";\n")+";\n")
		})
	}
}

func TestRenderRefusals(t *testing.T) {
	cases := []struct {
		name string
		o    op.Op
		want string
	}{
		{"unnamed fk", op.DropForeignKey{Table: notes, FK: &schema.ForeignKey{Columns: []string{"a"}, RefTable: "users", RefColumns: []string{"id"}}}, "unnamed foreign key"},
		{"unnamed check", op.DropCheck{Table: notes, Check: &schema.Check{Expr: "a > 0"}}, "unnamed check"},
		{"unnamed unique", op.DropUnique{Table: notes, Unique: &schema.Unique{Columns: []string{"a"}}}, "unnamed unique"},
		{"unnamed index", op.DropIndex{Table: notes, Index: &schema.Index{}}, "unnamed index"},
		{"deferrable", op.AddForeignKey{Table: notes, FK: &schema.ForeignKey{Name: "f", Columns: []string{"a"}, RefTable: "users", RefColumns: []string{"id"}, Deferrable: true}}, "deferrable"},
		{"enum", op.CreateEnum{Enum: &schema.Enum{Name: "e"}}, "no enum types"},
		{"unknown constraint", op.RenameConstraint{Table: notes, Kind: "fk", Old: "nope", New: "x"}, "not in the current schema"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Dialect{}.Render([]op.Op{tc.o}, renderFixture(), dialect.RenderOptions{})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("want error containing %q, got %v", tc.want, err)
			}
		})
	}
}

func TestDefaultSQL(t *testing.T) {
	cases := map[string]string{
		"0": "0", "-1.5": "-1.5", "NULL": "NULL", "'a''b'": "'a''b'", `'a\'b'`: `'a\'b'`,
		"b'101'": "b'101'", "current_timestamp()": "current_timestamp()", "CURRENT_TIMESTAMP(3)": "CURRENT_TIMESTAMP(3)",
		"uuid()": "(uuid())", "(1 + 2)": "(1 + 2)", "(1) + (2)": "((1) + (2))", "'a' || 'b'": "('a' || 'b')",
	}
	for in, want := range cases {
		if got := defaultSQL(in); got != want {
			t.Errorf("defaultSQL(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestStripParens(t *testing.T) {
	cases := map[string]string{
		"(`x` > 0)": "`x` > 0", "((a))": "a", "(a) or (b)": "(a) or (b)", "`x` > 0": "`x` > 0",
		"(a = ')')": "a = ')'", "(`a)` > 1)": "`a)` > 1", "": "", "(": "(",
	}
	for in, want := range cases {
		if got := stripParens(in); got != want {
			t.Errorf("stripParens(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzStripParens: stripping never panics, only removes balanced outer
// pairs, and is idempotent.
func FuzzStripParens(f *testing.F) {
	for _, s := range []string{"(`x` > 0)", "((a))", "(a) or (b)", "('(')", "(\"a\\\")\")", "(`a``)`)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := stripParens(s)
		if !strings.Contains(s, got) {
			t.Fatalf("stripParens(%q) = %q is not a part of the input", s, got)
		}
		if again := stripParens(got); again != got {
			t.Fatalf("not idempotent: %q -> %q -> %q", s, got, again)
		}
		_ = defaultSQL(s)
	})
}
