package diff

import (
	"strings"
	"testing"

	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/schema"
)

// obj builds an SQL object "kind name" whose definition is def, with
// deps given as keys.
func obj(kind, name, def string, phase schema.ObjectPhase, deps ...string) *schema.SQLObject {
	return &schema.SQLObject{
		Kind: kind, Name: name, Definition: def, Phase: phase, Deps: deps,
		Create: []string{"CREATE " + strings.ToUpper(kind) + " " + name + " " + def},
		Drop:   []string{"DROP " + strings.ToUpper(kind) + " " + name},
	}
}

func key(kind, name string) string { return schema.ObjectKey(kind, "", "", name) }

func withObjects(s *schema.Schema, objs ...*schema.SQLObject) *schema.Schema {
	return with(s, func(c *schema.Schema) { c.Objects = append(c.Objects, objs...) })
}

func inPlace(o *schema.SQLObject) *schema.SQLObject { o.InPlace = true; return o }

func TestSQLObjects(t *testing.T) {
	seq := func(def string) *schema.SQLObject { return obj("sequence", "ids", def, schema.BeforeTables) }
	fn := func(def string) *schema.SQLObject {
		return inPlace(obj("function", "f()", def, schema.BeforeTables))
	}
	dom := obj("domain", "email", "text", schema.BeforeTables)
	usesDom := obj("function", "check_email(email)", "body", schema.BeforeTables, key("domain", "email"))
	policy := func(def string) *schema.SQLObject {
		p := obj("policy", "own", def, schema.AfterTables, schema.TableKey("", "notes"))
		p.Table = "notes"
		return p
	}
	runCases(t, []diffCase{
		{"identical objects", withObjects(blog(), seq("start 1")), withObjects(blog(), seq("start 1")), nil},
		{"created before tables, policies after", nil, withObjects(blog(), policy("true"), seq("start 1")), []string{
			"create sequence ids",
			"create table users",
			"create table notes fks=notes_author_id_fkey",
			"create policy own on notes",
		}},
		{"dropped: policies before tables, sequences after", withObjects(blog(), policy("true"), seq("start 1")), nil, []string{
			"drop policy own on notes",
			"drop table notes fks=notes_author_id_fkey",
			"drop table users",
			"drop sequence ids",
		}},
		{"a changed definition is a drop and a create", withObjects(blog(), seq("start 1")), withObjects(blog(), seq("start 5")), []string{
			"drop sequence ids",
			"create sequence ids",
		}},
		{"an in-place change is an alter", withObjects(blog(), fn("a")), withObjects(blog(), fn("b")), []string{
			"alter function f()",
		}},
		{"dependencies first on create", nil, withObjects(nil, usesDom, dom), []string{
			"create domain email",
			"create function check_email(email)",
		}},
		{"dependents first on drop", withObjects(nil, usesDom, dom), nil, []string{
			"drop function check_email(email)",
			"drop domain email",
		}},
		{"a recreated dependency recreates its dependents", withObjects(nil, usesDom, dom),
			withObjects(nil, usesDom, obj("domain", "email", "varchar(200)", schema.BeforeTables)), []string{
				"drop function check_email(email)",
				"drop domain email",
				"create domain email",
				"create function check_email(email)",
			}},
		{"a reshaped table recreates objects that need it", withObjects(blog(), policy("true")),
			withObjects(with(blog(), func(s *schema.Schema) {
				tbl(s, "notes").Columns = removeColumn(tbl(s, "notes").Columns, "body")
			}), policy("true")), []string{
				"drop policy own on notes",
				"drop column notes.body",
				"create policy own on notes",
			}},
		{"an object of an unchanged table stays", withObjects(blog(), policy("true")),
			withObjects(with(blog(), func(s *schema.Schema) {
				tbl(s, "users").Comment = "people"
			}), policy("true")), []string{
				"set comment on users",
			}},
	})
}

func TestSQLObjectsValidate(t *testing.T) {
	dup := withObjects(nil, obj("sequence", "s", "a", schema.BeforeTables), obj("sequence", "s", "b", schema.BeforeTables))
	if _, err := Schemas(dup, nil, Options{}); err == nil || !strings.Contains(err.Error(), "sequence s appears twice") {
		t.Errorf("duplicate object: got %v", err)
	}
	bare := withObjects(nil, &schema.SQLObject{Kind: "event", Name: "e", Definition: "x"})
	if _, err := Schemas(nil, bare, Options{}); err == nil || !strings.Contains(err.Error(), "event e in the desired schema has no create or drop") {
		t.Errorf("object without statements: got %v", err)
	}
}

func TestSQLObjectStatements(t *testing.T) {
	from := obj("sequence", "ids", "start 1", schema.BeforeTables)
	to := obj("sequence", "ids", "start 5", schema.BeforeTables)
	cases := []struct {
		o    op.Op
		want []string
	}{
		{op.CreateObject{Object: to}, []string{"CREATE SEQUENCE ids start 5"}},
		{op.DropObject{Object: from}, []string{"DROP SEQUENCE ids"}},
		{op.AlterObject{From: from, To: to}, []string{"DROP SEQUENCE ids", "CREATE SEQUENCE ids start 5"}},
		{op.AlterObject{From: from, To: to}.Reverse(), []string{"DROP SEQUENCE ids", "CREATE SEQUENCE ids start 1"}},
	}
	for _, c := range cases {
		got, ok := op.ObjectStatements(c.o)
		if !ok || strings.Join(got, ";") != strings.Join(c.want, ";") {
			t.Errorf("%s: got %q, want %q", c.o, got, c.want)
		}
	}
	if _, ok := op.ObjectStatements(op.Execute{Up: "x"}); ok {
		t.Error("Execute is not an object operation")
	}
}

// TestContainers: a container (a PostgreSQL schema) is created before
// everything that may land in it, enums and objects created before
// tables included, and dropped after all of them.
func TestContainers(t *testing.T) {
	app := obj("schema", "app", "", schema.Container)
	seq := obj("sequence", "ids", "start 1", schema.BeforeTables)
	withEnum := func(s *schema.Schema) *schema.Schema {
		return with(s, func(c *schema.Schema) {
			c.Enums = append(c.Enums, &schema.Enum{Schema: "app", Name: "mood", Values: []string{"ok"}})
		})
	}
	runCases(t, []diffCase{
		{"identical", withObjects(blog(), app), withObjects(blog(), app), nil},
		{"created first", nil, withObjects(withEnum(blog()), seq, app), []string{
			"create schema app",
			"create enum mood",
			"create sequence ids",
			"create table users",
			"create table notes fks=notes_author_id_fkey",
		}},
		{"dropped last", withObjects(withEnum(blog()), seq, app), nil, []string{
			"drop table notes fks=notes_author_id_fkey",
			"drop table users",
			"drop sequence ids",
			"drop enum mood",
			"drop schema app",
		}},
	})
}
