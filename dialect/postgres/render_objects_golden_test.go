package postgres

import (
	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/schema"
)

// renderObj builds an SQL object as reflection does, from its catalog
// fields; deps are dependency keys.
func renderObj(kind, sch, table, name string, fields []string, deps ...string) *schema.SQLObject {
	o := &schema.SQLObject{Kind: kind, Schema: sch, Table: table, Name: name, Deps: deps}
	extra, err := objBuilders[kind](o, sch, fields)
	if err != nil || len(extra) > 0 {
		panic("renderObj " + kind + ": unexpected result")
	}
	return o
}

func renderSeq(inc, comment string) *schema.SQLObject {
	return renderObj("sequence", "app", "", "Order No", []string{"bigint", "1", inc, "1", "9223372036854775807", "1", "false", comment, "", "", ""})
}

func renderFn(body, result, comment string) *schema.SQLObject {
	def := "CREATE OR REPLACE FUNCTION public.f(x integer)\n RETURNS " + result + "\n LANGUAGE plpgsql\nAS $function$" + body + "$function$\n"
	return renderObj("function", "", "", "f(integer)", []string{def, "x integer", "x integer", result, "plpgsql", "false", comment, "f"})
}

func renderDomain(base, def, notNull, checks string) *schema.SQLObject {
	return renderObj("domain", "", "", "qty", []string{base, "", notNull, def, checks, ""})
}

func renderComposite(attrs, comment string) *schema.SQLObject {
	return renderObj("composite type", "", "", "addr", []string{attrs, comment})
}

func renderPolicy(using string) *schema.SQLObject {
	return renderObj("policy", "", "docs", "docs_mine", []string{"true", "SELECT", "PUBLIC", using, ""})
}

func renderObjectCases() []renderCase {
	ext := func(v string) *schema.SQLObject { return renderObj("extension", "", "", "pg_trgm", []string{v}) }
	sqlFn := renderObj("function", "", "", "n()", []string{"CREATE OR REPLACE FUNCTION public.n()\n RETURNS bigint\n LANGUAGE sql\nAS $function$SELECT count(*) FROM t$function$\n",
		"", "", "bigint", "sql", "false", "counts", "n"})
	proc := renderObj("procedure", "app", "", "p(integer)", []string{"CREATE OR REPLACE PROCEDURE app.p(IN a integer)\n LANGUAGE sql\nBEGIN ATOMIC\n DELETE FROM t WHERE t.a = p.a;\nEND\n",
		"IN a integer", "IN a integer", "", "sql", "true", "", "p"}, schema.TableKey("", "t"))
	rls := renderObj("row level security", "", "docs", "docs", []string{"true", "true"})
	evt := renderObj("event trigger", "", "", "ddl_log", []string{"ddl_command_end", "CREATE TABLE\nALTER TABLE", "ddl_log", "D"})
	return []renderCase{
		{name: "objects_create", ops: []op.Op{
			op.CreateObject{Object: ext("1.6")},
			op.CreateObject{Object: renderObj("extension", "ext", "", "citext", []string{"1.6"})},
			op.CreateObject{Object: renderSeq("5", "order numbers")},
			op.CreateObject{Object: renderFn("BEGIN RETURN x; END", "integer", "")},
			op.CreateObject{Object: sqlFn},
			op.CreateObject{Object: proc},
			op.CreateObject{Object: renderDomain("integer", "1", "true", "qty_min\tCHECK (VALUE >= 0)\nqty_max\tCHECK (VALUE <= 100)")},
			op.CreateObject{Object: renderComposite("street\ttext\t\"C\"\nzip\tinteger\t", "postal")},
			op.CreateObject{Object: rls},
			op.CreateObject{Object: renderPolicy("owner = CURRENT_USER")},
			op.CreateObject{Object: evt},
		}},
		{name: "objects_drop", ops: []op.Op{
			op.DropObject{Object: evt},
			op.DropObject{Object: renderPolicy("owner = CURRENT_USER")},
			op.DropObject{Object: rls},
			op.DropObject{Object: renderComposite("street\ttext\t", "")},
			op.DropObject{Object: renderDomain("integer", "", "false", "")},
			op.DropObject{Object: proc},
			op.DropObject{Object: sqlFn},
			op.DropObject{Object: renderSeq("1", "")},
			op.DropObject{Object: ext("1.6")},
		}},
		{name: "objects_alter_in_place", ops: []op.Op{
			op.AlterObject{From: ext("1.5"), To: ext("1.6")},
			op.AlterObject{From: renderSeq("1", ""), To: renderSeq("10", "numbers")},
			op.AlterObject{From: renderSeq("1", "numbers"), To: renderSeq("1", "")},
			op.AlterObject{From: renderFn("BEGIN RETURN x; END", "integer", "old"), To: renderFn("BEGIN RETURN x + 1; END", "integer", "")},
			op.AlterObject{From: renderFn("BEGIN RETURN x; END", "integer", ""), To: renderFn("BEGIN RETURN x; END", "integer", "doc")},
			op.AlterObject{From: renderDomain("integer", "", "false", "qty_min\tCHECK (VALUE >= 0)"),
				To: renderDomain("integer", "1", "true", "qty_min\tCHECK (VALUE > 0)\nqty_max\tCHECK (VALUE <= 100)")},
			op.AlterObject{From: renderDomain("integer", "1", "true", ""), To: renderDomain("integer", "", "false", "")},
			op.AlterObject{From: renderComposite("street\ttext\t\nzip\tinteger\t", ""), To: renderComposite("street\ttext\t\"C\"\ncity\ttext\t", "postal")},
		}},
		{name: "materialized_views", ops: []op.Op{
			op.CreateView{View: &schema.View{Schema: "app", Name: "Totals", Def: "SELECT region, sum(amount) AS total FROM sales GROUP BY region", Materialized: true, Comment: "by region"}},
			op.CreateView{View: &schema.View{Name: "later", Def: "SELECT id FROM sales", Materialized: true, NoData: true}},
			op.CreateObject{Object: renderObj("materialized view index", "app", "Totals", "totals_region",
				[]string{"CREATE UNIQUE INDEX totals_region ON app.\"Totals\" USING btree (region)", "one a region"})},
			op.DropView{View: &schema.View{Name: "old", Def: "SELECT 1", Materialized: true}},
		}},
		{name: "partitions", ops: []op.Op{
			op.CreateObject{Object: renderObj("partition key", "", "", "events", []string{"RANGE (at)"})},
			op.CreateObject{Object: renderObj("partition", "", "events", "events_2025", []string{"FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')", "LIST (kind)", "", ""})},
			op.CreateObject{Object: renderObj("partition", "", "events_2025", "events_2025_click", []string{"FOR VALUES IN ('click')", "", "", "events"})},
			op.AlterObject{From: renderObj("partition", "", "m", "m_a", []string{"FOR VALUES IN (1, 2)", "", "", ""}),
				To: renderObj("partition", "", "m", "m_a", []string{"FOR VALUES IN (1, 2, 4)", "", "", ""})},
			op.AlterObject{From: renderObj("partition", "", "m", "m_b", []string{"FOR VALUES IN (3)", "RANGE (id)", "", ""}),
				To: renderObj("partition", "", "m", "m_b", []string{"FOR VALUES IN (3)", "LIST (id)", "", ""})},
			op.DropObject{Object: renderObj("partition", "", "m", "m_c", []string{"DEFAULT", "", "", ""})},
		}},
		{name: "objects_alter_recreated", ops: []op.Op{
			op.AlterObject{From: renderFn("BEGIN RETURN x; END", "integer", ""), To: renderFn("BEGIN RETURN x; END", "bigint", "")},
			op.AlterObject{From: renderDomain("integer", "", "false", ""), To: renderDomain("bigint", "", "false", "")},
			op.AlterObject{From: renderComposite("a\tinteger\t\nb\tinteger\t", ""), To: renderComposite("b\tinteger\t\na\tinteger\t", "")},
			op.AlterObject{From: renderPolicy("true"), To: renderPolicy("false")},
		}},
	}
}
