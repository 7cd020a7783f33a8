package retort

import "github.com/retortdb/retort/schema"

// JSONSchema is `retort inspect --format json`: the reflected schema with
// lower_snake names, kept apart from the schema package's model so that
// model can change without changing the documented output.
type JSONSchema struct {
	FormatVersion int           `json:"format_version"`
	Tables        []JSONTable   `json:"tables"`
	Views         []JSONView    `json:"views"`
	Triggers      []JSONTrigger `json:"triggers"`
	Enums         []JSONEnum    `json:"enums"`
	Objects       []JSONObject  `json:"objects"`
}

// JSONTable is a table in JSONSchema.
type JSONTable struct {
	Schema      string            `json:"schema,omitempty"`
	Name        string            `json:"name"`
	Columns     []JSONColumn      `json:"columns"`
	PrimaryKey  *JSONPrimaryKey   `json:"primary_key"`
	Uniques     []JSONUnique      `json:"uniques"`
	Indexes     []JSONIndex       `json:"indexes"`
	ForeignKeys []JSONForeignKey  `json:"foreign_keys"`
	Checks      []JSONCheckConstr `json:"checks"`
	Comment     string            `json:"comment,omitempty"`
	Options     map[string]string `json:"options,omitempty"`
	SQL         string            `json:"sql,omitempty"` // the original CREATE TABLE, where the database keeps it
}

// JSONColumn is a column in JSONSchema.
type JSONColumn struct {
	Name          string            `json:"name"`
	Type          string            `json:"type"`
	Nullable      bool              `json:"nullable"`
	Default       *string           `json:"default"` // null: no default
	AutoIncrement bool              `json:"auto_increment"`
	Identity      string            `json:"identity,omitempty"`
	Generated     *JSONGenerated    `json:"generated,omitempty"`
	Collation     string            `json:"collation,omitempty"`
	Comment       string            `json:"comment,omitempty"`
	Attrs         map[string]string `json:"attrs,omitempty"`
}

// JSONGenerated is a generated column's expression in JSONSchema.
type JSONGenerated struct {
	Expr   string `json:"expr"`
	Stored bool   `json:"stored"`
}

// JSONPrimaryKey is a primary key in JSONSchema.
type JSONPrimaryKey struct {
	Name    string   `json:"name"`
	Columns []string `json:"columns"`
}

// JSONUnique is a UNIQUE constraint in JSONSchema.
type JSONUnique struct {
	Name              string   `json:"name"`
	Columns           []string `json:"columns"`
	Deferrable        bool     `json:"deferrable"`
	InitiallyDeferred bool     `json:"initially_deferred"`
}

// JSONIndex is a secondary index in JSONSchema.
type JSONIndex struct {
	Name      string          `json:"name"`
	Unique    bool            `json:"unique"`
	Parts     []JSONIndexPart `json:"parts"`
	Where     string          `json:"where,omitempty"`
	Method    string          `json:"method,omitempty"`
	Invisible bool            `json:"invisible"`
	SQL       string          `json:"sql,omitempty"` // the original CREATE INDEX, where the database keeps it
}

// JSONIndexPart is one key part of an index: a column or an expression in JSONSchema.
type JSONIndexPart struct {
	Column    string `json:"column,omitempty"`
	Expr      string `json:"expr,omitempty"`
	Desc      bool   `json:"desc"`
	Collation string `json:"collation,omitempty"`
	OpClass   string `json:"op_class,omitempty"`
	Prefix    int    `json:"prefix,omitempty"`
}

// JSONForeignKey is a foreign key; defaulted actions and match type are spelled out in JSONSchema.
type JSONForeignKey struct {
	Name              string   `json:"name"`
	Columns           []string `json:"columns"`
	RefSchema         string   `json:"ref_schema,omitempty"`
	RefTable          string   `json:"ref_table"`
	RefColumns        []string `json:"ref_columns"`
	OnDelete          string   `json:"on_delete"`
	OnUpdate          string   `json:"on_update"`
	Deferrable        bool     `json:"deferrable"`
	InitiallyDeferred bool     `json:"initially_deferred"`
	Match             string   `json:"match"`
	NotValid          bool     `json:"not_valid"`
}

// JSONCheckConstr is a CHECK constraint in JSONSchema.
type JSONCheckConstr struct {
	Name string `json:"name"`
	Expr string `json:"expr"`
}

// JSONView is a view in JSONSchema.
type JSONView struct {
	Schema string `json:"schema,omitempty"`
	Name   string `json:"name"`
	Def    string `json:"definition"`
	SQL    string `json:"sql,omitempty"` // the original CREATE VIEW, where the database keeps it
}

// JSONTrigger is a trigger in JSONSchema.
type JSONTrigger struct {
	Schema string `json:"schema,omitempty"`
	Name   string `json:"name"`
	Table  string `json:"table"`
	SQL    string `json:"sql"`
}

// JSONEnum is a PostgreSQL enum type in JSONSchema.
type JSONEnum struct {
	Schema string   `json:"schema,omitempty"`
	Name   string   `json:"name"`
	Values []string `json:"values"`
}

// JSONObject is a modelled object other than a table, view, trigger or
// enum (a sequence, a function, an event...) in JSONSchema.
type JSONObject struct {
	Kind       string   `json:"kind"`
	Schema     string   `json:"schema,omitempty"`
	Name       string   `json:"name"`
	Table      string   `json:"table,omitempty"`
	Definition string   `json:"definition"`
	Create     []string `json:"create"`
}

// NewJSONSchema converts a reflected schema for JSON output. Defaulted
// referential actions and match types are spelled out (NO ACTION,
// SIMPLE).
func NewJSONSchema(s *Schema) JSONSchema {
	out := JSONSchema{FormatVersion: JSONFormatVersion, Tables: []JSONTable{}, Views: []JSONView{},
		Triggers: []JSONTrigger{}, Enums: []JSONEnum{}, Objects: []JSONObject{}}
	for _, t := range s.Tables {
		out.Tables = append(out.Tables, jsonTable(t))
	}
	for _, v := range s.Views {
		out.Views = append(out.Views, JSONView{Schema: v.Schema, Name: v.Name, Def: v.Def, SQL: v.SQL})
	}
	for _, tr := range s.Triggers {
		out.Triggers = append(out.Triggers, JSONTrigger{Schema: tr.Schema, Name: tr.Name, Table: tr.Table, SQL: tr.SQL})
	}
	for _, e := range s.Enums {
		out.Enums = append(out.Enums, JSONEnum{Schema: e.Schema, Name: e.Name, Values: nonNil(e.Values)})
	}
	for _, o := range s.Objects {
		out.Objects = append(out.Objects, JSONObject{Kind: o.Kind, Schema: o.Schema, Name: o.Name,
			Table: o.Table, Definition: o.Definition, Create: nonNil(o.Create)})
	}
	return out
}

func jsonTable(t *schema.Table) JSONTable {
	j := JSONTable{Schema: t.Schema, Name: t.Name, Columns: []JSONColumn{}, Uniques: []JSONUnique{},
		Indexes: []JSONIndex{}, ForeignKeys: []JSONForeignKey{}, Checks: []JSONCheckConstr{},
		Comment: t.Comment, Options: t.Options, SQL: t.SQL}
	for _, c := range t.Columns {
		jc := JSONColumn{Name: c.Name, Type: c.Type, Nullable: c.Nullable, Default: c.Default,
			AutoIncrement: c.AutoIncrement, Identity: string(c.Identity), Collation: c.Collation, Comment: c.Comment, Attrs: c.Attrs}
		if c.Generated != nil {
			jc.Generated = &JSONGenerated{Expr: c.Generated.Expr, Stored: c.Generated.Stored}
		}
		j.Columns = append(j.Columns, jc)
	}
	if t.PrimaryKey != nil {
		j.PrimaryKey = &JSONPrimaryKey{Name: t.PrimaryKey.Name, Columns: nonNil(t.PrimaryKey.Columns)}
	}
	for _, u := range t.Uniques {
		j.Uniques = append(j.Uniques, JSONUnique{Name: u.Name, Columns: nonNil(u.Columns),
			Deferrable: u.Deferrable, InitiallyDeferred: u.InitiallyDeferred})
	}
	for _, ix := range t.Indexes {
		ji := JSONIndex{Name: ix.Name, Unique: ix.Unique, Parts: []JSONIndexPart{}, Where: ix.Where,
			Method: ix.Method, Invisible: ix.Invisible, SQL: ix.SQL}
		for _, p := range ix.Parts {
			ji.Parts = append(ji.Parts, JSONIndexPart{Column: p.Column, Expr: p.Expr, Desc: p.Desc,
				Collation: p.Collation, OpClass: p.OpClass, Prefix: p.Prefix})
		}
		j.Indexes = append(j.Indexes, ji)
	}
	for _, fk := range t.ForeignKeys {
		j.ForeignKeys = append(j.ForeignKeys, JSONForeignKey{Name: fk.Name, Columns: nonNil(fk.Columns),
			RefSchema: fk.RefSchema, RefTable: fk.RefTable, RefColumns: nonNil(fk.RefColumns),
			OnDelete: string(orDefault(fk.OnDelete, schema.NoAction)), OnUpdate: string(orDefault(fk.OnUpdate, schema.NoAction)),
			Deferrable: fk.Deferrable, InitiallyDeferred: fk.InitiallyDeferred,
			Match: string(orDefault(fk.Match, schema.MatchSimple)), NotValid: fk.NotValid})
	}
	for _, c := range t.Checks {
		j.Checks = append(j.Checks, JSONCheckConstr{Name: c.Name, Expr: c.Expr})
	}
	return j
}

func orDefault[T ~string](v, def T) T {
	if v == "" {
		return def
	}
	return v
}
