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

// The drop and the re-add of a key always share one ALTER, whatever else
// changes on the table (issue #10); on MariaDB a key whose columns and
// references stay is swapped in place (issue #15).
func TestRenderFKSpanGolden(t *testing.T) {
	const mariadb, mysql8 = "10.11.19-MariaDB-0+deb12u1", "8.0.36"
	tags := op.Ref{Name: "tags"}
	users := op.Ref{Name: "users"}
	col := &schema.Column{Name: "title", Type: "varchar(20)", Nullable: true}
	idInt := &schema.Column{Name: "id", Type: "int(11)", AutoIncrement: true}
	idBig := &schema.Column{Name: "id", Type: "bigint(20)", AutoIncrement: true}
	fkRenamed := &schema.ForeignKey{Name: "notes_author_fk", Columns: []string{"author_id"}, RefTable: "users", RefColumns: []string{"id"}, OnDelete: "CASCADE"}
	fkTags := &schema.ForeignKey{Name: "tags_note_fk", Columns: []string{"note_id"}, RefTable: "notes", RefColumns: []string{"id"}}
	cases := []struct {
		name, server string
		ops          []op.Op
	}{
		{"action_only_mariadb_in_place", mariadb, []op.Op{op.DropForeignKey{Table: notes, FK: fkPlain}, op.AddForeignKey{Table: notes, FK: fkCascade}}},
		{"action_only_mysql_copies", mysql8, []op.Op{op.DropForeignKey{Table: notes, FK: fkPlain}, op.AddForeignKey{Table: notes, FK: fkCascade}}},
		{"with_column_change_one_alter", mariadb, []op.Op{
			op.DropForeignKey{Table: notes, FK: fkPlain},
			op.AddColumn{Table: notes, Column: col},
			op.CreateIndex{Table: notes, Index: &schema.Index{Name: "notes_title", Parts: []schema.IndexPart{{Column: "title"}}}},
			op.AddForeignKey{Table: notes, FK: fkCascade},
		}},
		{"dropped_column_follows_in_its_own_alter", mariadb, []op.Op{
			op.DropForeignKey{Table: notes, FK: fkPlain},
			op.DropColumn{Table: notes, Column: col},
			op.AlterColumn{Table: notes, From: &schema.Column{Name: "id", Type: "int(11)"}, To: &schema.Column{Name: "id", Type: "bigint(20)"}},
			op.AddForeignKey{Table: notes, FK: fkCascade},
		}},
		{"two_tables_interleaved", mariadb, []op.Op{
			op.DropForeignKey{Table: notes, FK: fkPlain},
			op.DropForeignKey{Table: tags, FK: fkTags},
			op.AddColumn{Table: notes, Column: col},
			op.AddColumn{Table: tags, Column: col},
			op.AddForeignKey{Table: notes, FK: fkCascade},
			op.AddForeignKey{Table: tags, FK: &schema.ForeignKey{Name: "tags_note_fk", Columns: []string{"note_id"}, RefTable: "notes", RefColumns: []string{"id"}, OnDelete: "CASCADE"}},
		}},
		{"other_table_between_moves_later", mariadb, []op.Op{
			op.DropForeignKey{Table: notes, FK: fkPlain},
			op.AddColumn{Table: tags, Column: col},
			op.AddColumn{Table: notes, Column: col},
			op.AddForeignKey{Table: notes, FK: fkCascade},
		}},
		{"key_to_table_between_moves_earlier", mariadb, []op.Op{
			op.DropForeignKey{Table: notes, FK: fkPlain},
			op.AddColumn{Table: notes, Column: col},
			op.AddForeignKey{Table: tags, FK: fkTags},
			op.AddForeignKey{Table: notes, FK: fkCascade},
		}},
		{"referenced_table_changes_kept_apart", mariadb, []op.Op{
			op.DropForeignKey{Table: notes, FK: fkPlain},
			op.AlterColumn{Table: users, From: idInt, To: idBig},
			op.AlterColumn{Table: notes, From: &schema.Column{Name: "author_id", Type: "int(11)"}, To: &schema.Column{Name: "author_id", Type: "bigint(20)"}},
			op.AddForeignKey{Table: notes, FK: fkPlain},
		}},
		{"referenced_table_other_column_moves_later", mariadb, []op.Op{
			op.DropForeignKey{Table: notes, FK: fkPlain},
			op.AddColumn{Table: users, Column: col},
			op.AlterColumn{Table: users, From: &schema.Column{Name: "email", Type: "varchar(255)"}, To: &schema.Column{Name: "email", Type: "varchar(300)"}},
			op.AddColumn{Table: notes, Column: col},
			op.AddForeignKey{Table: notes, FK: fkCascade},
		}},
		{"referenced_key_replaced_first", mariadb, []op.Op{
			op.DropForeignKey{Table: notes, FK: fkPlain},
			op.AlterPrimaryKey{Table: users, From: &schema.PrimaryKey{Columns: []string{"id"}}, To: &schema.PrimaryKey{Columns: []string{"email", "id"}}},
			op.AddUnique{Table: users, Unique: &schema.Unique{Name: "users_id", Columns: []string{"id"}}},
			op.AddForeignKey{Table: notes, FK: fkPlain},
		}},
		{"referenced_key_without_a_successor_kept_apart", mariadb, []op.Op{
			op.DropForeignKey{Table: notes, FK: fkPlain},
			op.AlterPrimaryKey{Table: users, From: &schema.PrimaryKey{Columns: []string{"id"}}, To: &schema.PrimaryKey{Columns: []string{"email", "id"}}},
			op.AddForeignKey{Table: notes, FK: fkPlain},
		}},
		{"renamed_key_one_alter_validated", mariadb, []op.Op{
			op.DropForeignKey{Table: notes, FK: fkPlain},
			op.AddColumn{Table: notes, Column: col},
			op.AddForeignKey{Table: notes, FK: fkRenamed},
		}},
	}
	want := golden.Open(t, filepath.Join("testdata", "render_fkspan.txtar"))
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			cur := renderFixture()
			cur.Server = tc.server
			stmts, err := Dialect{}.Render(tc.ops, cur, dialect.RenderOptions{})
			if err != nil {
				t.Fatal(err)
			}
			var checks []string
			for _, q := range (Dialect{}).Prepare(stmts).PreChecks {
				checks = append(checks, "-- precheck: "+q)
			}
			want.Check(t, tc.name, strings.Join(append(checks, stmts...), ";\n")+";\n")
		})
	}
}
