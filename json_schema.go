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
	Exclusions  []JSONExclusion   `json:"exclusions,omitempty"` // PostgreSQL
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
	IdentityOpts  *JSONSeqOptions   `json:"identity_options,omitempty"`
	Generated     *JSONGenerated    `json:"generated,omitempty"`
	Collation     string            `json:"collation,omitempty"`
	Comment       string            `json:"comment,omitempty"`
	Attrs         map[string]string `json:"attrs,omitempty"`
	// NotNullConflict is SQLite's NOT NULL ON CONFLICT clause.
	NotNullConflict string `json:"not_null_on_conflict,omitempty"`
}

// JSONSeqOptions are an identity's sequence options in JSONSchema.
type JSONSeqOptions struct {
	Start     int64 `json:"start"`
	Increment int64 `json:"increment"`
	Min       int64 `json:"min"`
	Max       int64 `json:"max"`
	Cache     int64 `json:"cache"`
	Cycle     bool  `json:"cycle"`
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
	Desc    []string `json:"desc,omitempty"` // SQLite PRIMARY KEY (a DESC)
	Include []string `json:"include,omitempty"`
	Params  string   `json:"with,omitempty"`
	Method  string   `json:"method,omitempty"` // MySQL PRIMARY KEY ... USING BTREE, as written
	Comment string   `json:"comment,omitempty"`
	// OnConflict is SQLite's ON CONFLICT clause.
	OnConflict string `json:"on_conflict,omitempty"`
}

// JSONUnique is a UNIQUE constraint in JSONSchema.
type JSONUnique struct {
	Name              string   `json:"name"`
	Columns           []string `json:"columns"`
	Deferrable        bool     `json:"deferrable"`
	InitiallyDeferred bool     `json:"initially_deferred"`
	NullsNotDistinct  bool     `json:"nulls_not_distinct,omitempty"`
	Include           []string `json:"include,omitempty"`
	Params            string   `json:"with,omitempty"`
	Comment           string   `json:"comment,omitempty"`
	OnConflict        string   `json:"on_conflict,omitempty"` // SQLite
}

// JSONIndex is a secondary index in JSONSchema.
type JSONIndex struct {
	Name      string          `json:"name"`
	Unique    bool            `json:"unique"`
	Parts     []JSONIndexPart `json:"parts"`
	Where     string          `json:"where,omitempty"`
	Method    string          `json:"method,omitempty"`
	Invisible bool            `json:"invisible"`
	Include   []string        `json:"include,omitempty"`
	Params    string          `json:"with,omitempty"`
	NND       bool            `json:"nulls_not_distinct,omitempty"`
	Comment   string          `json:"comment,omitempty"`
	SQL       string          `json:"sql,omitempty"` // the original CREATE INDEX, where the database keeps it
	// Invalid is a PostgreSQL index a failed build left unused.
	Invalid bool `json:"invalid,omitempty"`
}

// JSONExclusion is a PostgreSQL exclusion constraint in JSONSchema.
type JSONExclusion struct {
	Name              string          `json:"name"`
	Method            string          `json:"method,omitempty"`
	Parts             []JSONIndexPart `json:"parts"`
	Include           []string        `json:"include,omitempty"`
	Params            string          `json:"with,omitempty"`
	Where             string          `json:"where,omitempty"`
	Deferrable        bool            `json:"deferrable"`
	InitiallyDeferred bool            `json:"initially_deferred"`
	Comment           string          `json:"comment,omitempty"`
}

// JSONIndexPart is one key part of an index: a column or an expression in JSONSchema.
type JSONIndexPart struct {
	Column    string `json:"column,omitempty"`
	Expr      string `json:"expr,omitempty"`
	Desc      bool   `json:"desc"`
	Collation string `json:"collation,omitempty"`
	OpClass   string `json:"op_class,omitempty"`
	Prefix    int    `json:"prefix,omitempty"`
	Nulls     string `json:"nulls,omitempty"`    // FIRST or LAST, against the direction's default
	Operator  string `json:"operator,omitempty"` // an exclusion constraint's
}

// JSONForeignKey is a foreign key; defaulted actions and match type are spelled out in JSONSchema.
type JSONForeignKey struct {
	Name              string   `json:"name"`
	Columns           []string `json:"columns"`
	RefSchema         string   `json:"ref_schema,omitempty"`
	RefTable          string   `json:"ref_table"`
	RefColumns        []string `json:"ref_columns"`
	OnDelete          string   `json:"on_delete"`
	DeleteSetColumns  []string `json:"on_delete_columns,omitempty"` // PostgreSQL SET NULL (a)
	OnUpdate          string   `json:"on_update"`
	Deferrable        bool     `json:"deferrable"`
	InitiallyDeferred bool     `json:"initially_deferred"`
	Match             string   `json:"match"`
	NotValid          bool     `json:"not_valid"`
	Comment           string   `json:"comment,omitempty"`
}

// JSONCheckConstr is a CHECK constraint in JSONSchema.
type JSONCheckConstr struct {
	Name      string `json:"name"`
	Expr      string `json:"expr"`
	NoInherit bool   `json:"no_inherit,omitempty"`
	Comment   string `json:"comment,omitempty"`
}

// JSONView is a view in JSONSchema.
type JSONView struct {
	Schema  string `json:"schema,omitempty"`
	Name    string `json:"name"`
	Def     string `json:"definition"`
	SQL     string `json:"sql,omitempty"` // the original CREATE VIEW, where the database keeps it
	Comment string `json:"comment,omitempty"`
	Options string `json:"options,omitempty"` // PostgreSQL WITH (check_option=local, ...)
	// Materialized: a PostgreSQL materialized view.
	Materialized bool `json:"materialized,omitempty"`
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
		out.Views = append(out.Views, JSONView{Schema: v.Schema, Name: v.Name, Def: v.Def, SQL: v.SQL, Comment: v.Comment, Options: v.Options, Materialized: v.Materialized})
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
			AutoIncrement: c.AutoIncrement, Identity: string(c.Identity), Collation: c.Collation, Comment: c.Comment, Attrs: c.Attrs,
			NotNullConflict: c.NotNullConflict}
		if c.Generated != nil {
			jc.Generated = &JSONGenerated{Expr: c.Generated.Expr, Stored: c.Generated.Stored}
		}
		if o := c.IdentityOpts; o != nil {
			jc.IdentityOpts = &JSONSeqOptions{Start: o.Start, Increment: o.Increment, Min: o.Min, Max: o.Max, Cache: o.Cache, Cycle: o.Cycle}
		}
		j.Columns = append(j.Columns, jc)
	}
	if t.PrimaryKey != nil {
		j.PrimaryKey = &JSONPrimaryKey{Name: t.PrimaryKey.Name, Columns: nonNil(t.PrimaryKey.Columns), Desc: t.PrimaryKey.Desc,
			Include: t.PrimaryKey.Include, Params: t.PrimaryKey.Params, Method: t.PrimaryKey.Method, Comment: t.PrimaryKey.Comment, OnConflict: t.PrimaryKey.OnConflict}
	}
	for _, u := range t.Uniques {
		j.Uniques = append(j.Uniques, JSONUnique{Name: u.Name, Columns: nonNil(u.Columns),
			Deferrable: u.Deferrable, InitiallyDeferred: u.InitiallyDeferred, NullsNotDistinct: u.NullsNotDistinct,
			Include: u.Include, Params: u.Params, Comment: u.Comment, OnConflict: u.OnConflict})
	}
	for _, ix := range t.Indexes {
		j.Indexes = append(j.Indexes, JSONIndex{Name: ix.Name, Unique: ix.Unique, Parts: jsonParts(ix.Parts), Where: ix.Where,
			Method: ix.Method, Invisible: ix.Invisible, Include: ix.Include, Params: ix.Params, NND: ix.NullsNotDistinct,
			Comment: ix.Comment, SQL: ix.SQL, Invalid: ix.Invalid})
	}
	for _, fk := range t.ForeignKeys {
		j.ForeignKeys = append(j.ForeignKeys, JSONForeignKey{Name: fk.Name, Columns: nonNil(fk.Columns),
			RefSchema: fk.RefSchema, RefTable: fk.RefTable, RefColumns: nonNil(fk.RefColumns),
			OnDelete: string(orDefault(fk.OnDelete, schema.NoAction)), DeleteSetColumns: fk.DeleteSetColumns, OnUpdate: string(orDefault(fk.OnUpdate, schema.NoAction)),
			Deferrable: fk.Deferrable, InitiallyDeferred: fk.InitiallyDeferred,
			Match: string(orDefault(fk.Match, schema.MatchSimple)), NotValid: fk.NotValid, Comment: fk.Comment})
	}
	for _, c := range t.Checks {
		j.Checks = append(j.Checks, JSONCheckConstr{Name: c.Name, Expr: c.Expr, NoInherit: c.NoInherit, Comment: c.Comment})
	}
	for _, x := range t.Exclusions {
		j.Exclusions = append(j.Exclusions, JSONExclusion{Name: x.Name, Method: x.Method, Parts: jsonParts(x.Parts),
			Include: x.Include, Params: x.Params, Where: x.Where, Deferrable: x.Deferrable, InitiallyDeferred: x.InitiallyDeferred,
			Comment: x.Comment})
	}
	return j
}

func jsonParts(ps []schema.IndexPart) []JSONIndexPart {
	out := []JSONIndexPart{}
	for _, p := range ps {
		out = append(out, JSONIndexPart{Column: p.Column, Expr: p.Expr, Desc: p.Desc,
			Collation: p.Collation, OpClass: p.OpClass, Prefix: p.Prefix, Nulls: p.Nulls, Operator: p.Operator})
	}
	return out
}

func orDefault[T ~string](v, def T) T {
	if v == "" {
		return def
	}
	return v
}
