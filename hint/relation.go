package hint

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/retortdb/retort/sqlsplit"
)

// RelationPrefix starts a relation hint: a comment a loader module
// (gormschema, entschema, bunschema) writes into its DDL for every
// relation between two models, followed by one JSON object, such as
//
//	-- retort:relation {"orm":"gorm","kind":"has-many","package":"example.com/app/models","model":"User","field":"Notes","table":"notes","columns":["author_id"],"ref_table":"users","ref_columns":["id"],"fk":true,"fk_name":"fk_users_notes"}
//
// It says what the model means, which the DDL alone cannot: the model
// field behind a foreign key, and relations the ORM creates no foreign
// key for. The DDL holds the key's actions.
const RelationPrefix = "retort:relation"

// Relation is one relation hint: a relation between two models, the
// foreign key the ORM creates for it or why it creates none.
type Relation struct {
	ORM     string `json:"orm"`     // gorm, ent, bun
	Kind    string `json:"kind"`    // as the ORM calls it: has-many, belongs-to, O2M, ...
	Package string `json:"package"` // the model's Go import path
	Model   string `json:"model"`   // the model's type name
	Field   string `json:"field"`   // the struct field (GORM, bun) or edge (ent)
	// Table(Columns) references RefTable(RefColumns): the child side,
	// which holds the key when there is one.
	Table      string   `json:"table"`
	Columns    []string `json:"columns"`
	RefTable   string   `json:"ref_table"`
	RefColumns []string `json:"ref_columns"`
	FK         bool     `json:"fk"`                // the ORM creates a foreign key for it
	FKName     string   `json:"fk_name,omitempty"` // the key's name, "" when the database names it
	// NoFKBecause says why the ORM creates no foreign key (FK false).
	NoFKBecause string `json:"no_fk_because,omitempty"`
	// At is the model field's file:line, when retort found the package's
	// source (gorm:, ent:, bun: sources add it).
	At string `json:"at,omitempty"`

	// File and Line locate the hint in its schema source.
	File string `json:"-"`
	Line int    `json:"-"`
}

// Name is the relation as the model spells it, such as User.Notes.
func (r Relation) Name() string { return r.Model + "." + r.Field }

// Relations returns the relation hints of one schema source, lexed with
// the dialect's rules (a hint inside a string or block comment is none).
func Relations(file, src string, o sqlsplit.Options) ([]Relation, error) {
	if !strings.Contains(src, RelationPrefix) {
		return nil, nil
	}
	var out []Relation
	for _, t := range lex(src, 1, o) {
		text, ok := dashText(t)
		if !ok {
			continue
		}
		rest, ok := strings.CutPrefix(strings.TrimSpace(text), RelationPrefix)
		if !ok {
			continue
		}
		var r Relation
		// Unknown fields are left alone: a loader module newer than
		// this retort may say more.
		dec := json.NewDecoder(bytes.NewReader([]byte(rest)))
		if err := dec.Decode(&r); err != nil {
			return nil, &Error{File: file, Line: t.Line, Msg: fmt.Sprintf("%q must be followed by one JSON object describing the relation: %v", "-- "+RelationPrefix, err)}
		}
		if dec.More() {
			return nil, &Error{File: file, Line: t.Line, Msg: fmt.Sprintf("text after the JSON object of %q", "-- "+RelationPrefix)}
		}
		if r.Model == "" || r.Field == "" || r.Table == "" || r.RefTable == "" || len(r.Columns) == 0 || len(r.Columns) != len(r.RefColumns) {
			return nil, &Error{File: file, Line: t.Line, Msg: "a relation hint needs model, field, table, ref_table and as many columns as ref_columns"}
		}
		r.File, r.Line = file, t.Line
		out = append(out, r)
	}
	return out, nil
}
