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

var (
	logs      = op.Ref{Name: "logs"}
	rangeBy   = map[string]string{optPartitionBy: "RANGE (`id`)", optPartitions: "PARTITION `p0` VALUES LESS THAN (10)\nPARTITION `p1` VALUES LESS THAN (20)"}
	eventFrom = &schema.SQLObject{Kind: "event", Name: "e", InPlace: true, Phase: schema.AfterTables,
		Definition: "ON SCHEDULE EVERY 1 DAY ENDS '2031-01-01 00:00:00' ON COMPLETION NOT PRESERVE ENABLE DO SELECT 1",
		Create:     []string{"CREATE EVENT `e` ON SCHEDULE EVERY 1 DAY ENDS '2031-01-01 00:00:00' ON COMPLETION NOT PRESERVE ENABLE DO SELECT 1"},
		Drop:       []string{"DROP EVENT `e`"},
		Attrs: map[string]string{"ends": "2031-01-01 00:00:00",
			"alter": "ALTER EVENT `e` ON SCHEDULE EVERY 1 DAY ENDS '2031-01-01 00:00:00' ON COMPLETION NOT PRESERVE ENABLE COMMENT '' DO SELECT 1"}}
	eventTo = &schema.SQLObject{Kind: "event", Name: "e", InPlace: true, Phase: schema.AfterTables,
		Definition: "ON SCHEDULE EVERY 2 HOUR ON COMPLETION PRESERVE DISABLE DO SELECT 1",
		Create:     []string{"CREATE EVENT `e` ON SCHEDULE EVERY 2 HOUR ON COMPLETION PRESERVE DISABLE DO SELECT 1"},
		Drop:       []string{"DROP EVENT `e`"},
		Attrs:      map[string]string{"alter": "ALTER EVENT `e` ON SCHEDULE EVERY 2 HOUR ON COMPLETION PRESERVE DISABLE COMMENT '' DO SELECT 1"}}
	procFrom = &schema.SQLObject{Kind: "procedure", Name: "p", Definition: "PROCEDURE `p`()\nSELECT 1",
		Create: []string{"CREATE PROCEDURE `p`()\nSELECT 1"}, Drop: []string{"DROP PROCEDURE `p`"}}
	procTo = &schema.SQLObject{Kind: "procedure", Name: "p", Definition: "PROCEDURE `p`(IN `a` int(11))\nBEGIN SELECT a; END",
		Create: []string{"CREATE PROCEDURE `p`(IN `a` int(11))\nBEGIN SELECT a; END"}, Drop: []string{"DROP PROCEDURE `p`"}}
)

func logsFixture() *schema.Schema {
	s := renderFixture()
	s.Tables = append(s.Tables, &schema.Table{Name: "logs",
		Columns: []*schema.Column{
			{Name: "id", Type: "int(11)"}, {Name: "msg", Type: "varchar(200)", Nullable: true},
			{Name: "raw", Type: "blob", Nullable: true}, {Name: "tag", Type: "char(3)", Collation: "ascii_bin", Attrs: map[string]string{"charset": "ascii"}},
		},
		Options: map[string]string{optEngine: "InnoDB", optCharset: "utf8mb4", optCollation: "utf8mb4_general_ci"}})
	return s
}

func withOpts(base map[string]string, kv ...string) map[string]string {
	out := map[string]string{}
	for k, v := range base {
		out[k] = v
	}
	for i := 0; i < len(kv); i += 2 {
		if kv[i+1] == "" {
			delete(out, kv[i])
		} else {
			out[kv[i]] = kv[i+1]
		}
	}
	return out
}

var renderObjectCases = []struct {
	name string
	ops  []op.Op
}{
	{"create_table_row_format_partitions", []op.Op{op.CreateTable{Table: &schema.Table{Name: "m", Columns: []*schema.Column{{Name: "id", Type: "int(11)"}},
		Options: withOpts(rangeBy, optEngine, "InnoDB", optRowFormat, "COMPRESSED")}}}},
	{"engine_row_format", []op.Op{op.SetTableOptions{Table: logs, From: map[string]string{optEngine: "InnoDB"}, To: map[string]string{optEngine: "Aria", optRowFormat: "PAGE"}}}},
	{"row_format_back_to_default", []op.Op{op.SetTableOptions{Table: logs, From: map[string]string{optRowFormat: "COMPACT"}, To: map[string]string{}}}},
	{"charset_converts_default_columns", []op.Op{op.SetTableOptions{Table: logs,
		From: map[string]string{optCharset: "utf8mb4", optCollation: "utf8mb4_general_ci"}, To: map[string]string{optCharset: "latin1", optCollation: "latin1_swedish_ci"}}}},
	{"partition_by", []op.Op{op.SetTableOptions{Table: logs, From: map[string]string{}, To: rangeBy}}},
	{"partition_remove", []op.Op{op.SetTableOptions{Table: logs, From: rangeBy, To: map[string]string{}}}},
	{"partition_drop_and_add", []op.Op{op.SetTableOptions{Table: logs, From: rangeBy,
		To: withOpts(rangeBy, optPartitions, "PARTITION `p1` VALUES LESS THAN (20)\nPARTITION `p2` VALUES LESS THAN (30)\nPARTITION `pmax` VALUES LESS THAN MAXVALUE")}}},
	{"partition_range_insert_repartitions", []op.Op{op.SetTableOptions{Table: logs, From: rangeBy,
		To: withOpts(rangeBy, optPartitions, "PARTITION `p0` VALUES LESS THAN (10)\nPARTITION `p05` VALUES LESS THAN (15)\nPARTITION `p1` VALUES LESS THAN (20)")}}},
	{"partition_bounds_change_repartitions", []op.Op{op.SetTableOptions{Table: logs, From: rangeBy,
		To: withOpts(rangeBy, optPartitions, "PARTITION `p0` VALUES LESS THAN (5)\nPARTITION `p1` VALUES LESS THAN (20)")}}},
	{"partition_hash_count", []op.Op{op.SetTableOptions{Table: logs, From: map[string]string{optPartitionBy: "HASH (`id`) PARTITIONS 2"}, To: map[string]string{optPartitionBy: "HASH (`id`) PARTITIONS 8"}}}},
	{"partition_reversed", op.ReverseAll([]op.Op{op.SetTableOptions{Table: logs, From: rangeBy,
		To: withOpts(rangeBy, optPartitions, "PARTITION `p0` VALUES LESS THAN (10)\nPARTITION `p1` VALUES LESS THAN (20)\nPARTITION `p2` VALUES LESS THAN (30)")}})},
	{"event_in_place", []op.Op{op.AlterObject{From: eventTo, To: eventFrom}}},
	{"event_losing_ends_recreated", []op.Op{op.AlterObject{From: eventFrom, To: eventTo}}},
	{"procedure_recreated", []op.Op{op.AlterObject{From: procFrom, To: procTo}}},
	{"objects_create_drop", []op.Op{op.CreateObject{Object: procTo}, op.DropObject{Object: eventFrom}}},
}

func TestRenderObjectsGolden(t *testing.T) {
	want := golden.Open(t, filepath.Join("testdata", "render_objects.txtar"))
	for _, tc := range renderObjectCases {
		t.Run(tc.name, func(t *testing.T) {
			stmts, err := Dialect{}.Render(tc.ops, logsFixture(), dialect.RenderOptions{})
			if err != nil {
				t.Fatal(err)
			}
			want.Check(t, tc.name, strings.Join(stmts, ";\n")+";\n")
		})
	}
}
