package gocode

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/golden"
	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/schema"
)

func str(s string) *string { return &s }

// start is the schema the sample operations apply to.
func start() *schema.Schema {
	return &schema.Schema{Tables: []*schema.Table{{
		Name: "users",
		Columns: []*schema.Column{
			{Name: "id", Type: "INTEGER"},
			{Name: "email", Type: "VARCHAR(200)"},
			{Name: "legacy", Type: "TEXT", Nullable: true},
		},
		PrimaryKey: &schema.PrimaryKey{Columns: []string{"id"}},
		Indexes:    []*schema.Index{{Name: "users_legacy_idx", Parts: []schema.IndexPart{{Column: "legacy"}}}},
		Uniques:    []*schema.Unique{}, // the round trip leaves empty lists
		Checks:     []*schema.Check{},
		Exclusions: []*schema.Exclusion{},
	}}}
}

// sample covers every builder call the writer uses and the o.Add
// fallback (a comment, an expression index, a collated column, index
// options, an exclusion constraint), online index changes included.
func sample() []op.Op {
	notes := &schema.Table{
		Name: "notes",
		Columns: []*schema.Column{
			{Name: "id", Type: "INTEGER"},
			{Name: "author_id", Type: "INTEGER"},
			{Name: "body", Type: "TEXT", Nullable: true, Default: str("''")},
		},
		PrimaryKey:  &schema.PrimaryKey{Columns: []string{"id"}},
		ForeignKeys: []*schema.ForeignKey{{Name: "notes_author_id_fkey", Columns: []string{"author_id"}, RefTable: "users", RefColumns: []string{"id"}, OnDelete: "CASCADE"}},
		Uniques:     []*schema.Unique{{Name: "notes_body_key", Columns: []string{"body"}}},
		Checks:      []*schema.Check{{Name: "notes_body_check", Expr: "length(body) < 1000"}},
		Indexes:     []*schema.Index{{Name: "notes_author_idx", Parts: []schema.IndexPart{{Column: "author_id"}}}},
	}
	users := op.Ref{Name: "users"}
	return []op.Op{
		op.CreateTable{Table: notes},
		op.AddColumn{Table: users, Column: &schema.Column{Name: "nick", Type: "VARCHAR(40)", Nullable: true}},
		op.AddColumn{Table: users, Column: &schema.Column{Name: "sort", Type: "TEXT", Nullable: true, Collation: "NOCASE"}},
		op.AlterColumn{Table: users, From: &schema.Column{Name: "email", Type: "VARCHAR(200)"}, To: &schema.Column{Name: "email", Type: "VARCHAR(320)", Nullable: true, Default: str("'none'")}},
		op.DropIndex{Table: users, Index: &schema.Index{Name: "users_legacy_idx", Parts: []schema.IndexPart{{Column: "legacy"}}}},
		op.DropColumn{Table: users, Column: &schema.Column{Name: "legacy", Type: "TEXT", Nullable: true}},
		op.RenameColumn{Table: users, Old: "nick", New: "handle"},
		op.AddUnique{Table: users, Unique: &schema.Unique{Name: "users_email_key", Columns: []string{"email"}}},
		op.AddCheck{Table: users, Check: &schema.Check{Name: "users_email_check", Expr: "email <> ''"}},
		op.AddCheck{Table: users, Check: &schema.Check{Name: "handle", Expr: "handle <> ''", Column: "handle"}},
		op.CreateIndex{Table: users, Index: &schema.Index{Name: "users_lower_email_idx", Parts: []schema.IndexPart{{Expr: "lower(email)"}}}},
		op.CreateIndex{Table: users, Index: &schema.Index{Name: "users_handle_idx", Unique: true, Parts: []schema.IndexPart{{Column: "handle"}}}},
		op.CreateIndex{Table: users, Index: &schema.Index{Name: "users_email_cover_idx", Parts: []schema.IndexPart{{Column: "email", Nulls: "FIRST"}},
			Include: []string{"handle"}, Params: "fillfactor=70", Comment: "cover"}},
		op.SetComment{On: op.CommentIndex, Table: users, Name: "users_handle_idx", To: "by handle"},
		// Autogenerate's decision to build without blocking writes (a
		// big table) is kept: Online() calls, or the field in a literal.
		op.CreateIndex{Table: users, Online: true, Index: &schema.Index{Name: "users_email_idx", Parts: []schema.IndexPart{{Column: "email"}}}},
		op.CreateIndex{Table: users, Online: true, Index: &schema.Index{Name: "users_id_handle_key", Unique: true, Parts: []schema.IndexPart{{Column: "id"}, {Column: "handle"}}}},
		op.CreateIndex{Table: users, Online: true, Index: &schema.Index{Name: "users_upper_email_idx", Parts: []schema.IndexPart{{Expr: "upper(email)"}}}},
		op.DropIndex{Table: users, Online: true, Index: &schema.Index{Name: "users_email_idx", Parts: []schema.IndexPart{{Column: "email"}}}},
		op.AddExclusion{Table: users, Exclusion: &schema.Exclusion{Name: "users_email_excl", Method: "gist",
			Parts: []schema.IndexPart{{Column: "email", Operator: "="}}, Comment: "one each"}},
		op.DropForeignKey{Table: op.Ref{Name: "notes"}, FK: notes.ForeignKeys[0]},
		op.AddForeignKey{Table: op.Ref{Name: "notes"}, FK: &schema.ForeignKey{Name: "notes_author_id_fkey", Columns: []string{"author_id"}, RefTable: "users", RefColumns: []string{"id"}, OnDelete: "SET NULL", Deferrable: true, InitiallyDeferred: true, Match: "FULL"}},
		op.SetTableComment{Table: users, To: "people"},
		op.Execute{Up: "UPDATE users SET handle = email"},
		op.RenameTable{Old: "notes", New: "memos"},
		// A descending primary key (SQLite) goes through o.Add.
		op.CreateTable{Table: &schema.Table{Name: "ranks", Columns: []*schema.Column{{Name: "score", Type: "INTEGER"}},
			PrimaryKey: &schema.PrimaryKey{Columns: []string{"score"}, Desc: []string{"score"}}}},
		// SQLite ON CONFLICT clauses go through o.Add too.
		op.CreateTable{Table: &schema.Table{Name: "dedup", Columns: []*schema.Column{{Name: "k", Type: "TEXT", NotNullConflict: "IGNORE"}},
			PrimaryKey: &schema.PrimaryKey{Columns: []string{"k"}, OnConflict: "REPLACE"},
			Uniques:    []*schema.Unique{{Name: "dedup_k_key", Columns: []string{"k"}, OnConflict: "FAIL"}}}},
		op.CreateObject{Object: &schema.SQLObject{Kind: "sequence", Name: "ids", Definition: "START 1",
			Create: []string{"CREATE SEQUENCE ids"}, Drop: []string{"DROP SEQUENCE ids"}, InPlace: true,
			Attrs: map[string]string{"start": "1"}}},
		op.AlterObject{
			From: &schema.SQLObject{Kind: "sequence", Name: "ids", Definition: "START 1", Create: []string{"CREATE SEQUENCE ids"}, Drop: []string{"DROP SEQUENCE ids"}},
			To: &schema.SQLObject{Kind: "sequence", Name: "ids", Definition: "START 5", Phase: schema.AfterTables,
				Create: []string{"CREATE SEQUENCE ids START 5"}, Drop: []string{"DROP SEQUENCE ids"}, Deps: []string{schema.TableKey("", "memos")}},
		},
	}
}

func TestSourceGolden(t *testing.T) {
	src, err := Source(Revision{ID: "5c0ffee12345", Parents: []string{"3f2a9c1e7b10"}, Message: "sample \"ops\"", Up: sample()})
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, filepath.Join("testdata", "sample.go.golden"), string(src))
}

func TestSourceErrors(t *testing.T) {
	if _, err := Source(Revision{}); err == nil || !strings.Contains(err.Error(), "no id") {
		t.Errorf("no id: %v", err)
	}
	if _, err := Source(Revision{ID: "a1", Up: []op.Op{nil}}); err == nil || !strings.Contains(err.Error(), "is nil") {
		t.Errorf("nil op: %v", err)
	}
}

func TestFileName(t *testing.T) {
	if got := FileName("5c0ffee12345", "Cascade notes!"); got != "5c0ffee12345_cascade_notes.go" {
		t.Errorf("FileName = %q", got)
	}
}

// TestSourceCompilesAndRoundTrips builds the generated file in a module
// that replaces retort with this checkout, runs its Up and Down on a
// builder and compares the operations with the ones it was made from.
func TestSourceCompilesAndRoundTrips(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a program; skipped with -short")
	}
	up := sample()
	src, err := Source(Revision{ID: "5c0ffee12345", Parents: []string{"3f2a9c1e7b10"}, Message: "sample", Up: up, Package: "main"})
	if err != nil {
		t.Fatal(err)
	}
	_, here, _, _ := runtime.Caller(0)
	root := filepath.Dir(filepath.Dir(here))
	dir := t.TempDir()
	startJSON, _ := json.Marshal(start())
	files := map[string]string{
		"go.mod": "module gen\n\ngo 1.26\n\nrequire github.com/retortdb/retort v0.0.0\n\nreplace github.com/retortdb/retort => " + root + "\n",
		"rev.go": string(src),
		"main.go": `package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"

	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/schema"
)

func main() {
	var s schema.Schema
	if err := json.Unmarshal([]byte(os.Args[1]), &s); err != nil {
		panic(err)
	}
	b := op.NewBuilder(&s, op.BuilderOptions{})
	if err := Rev5c0ffee12345.Up(context.Background(), b); err != nil {
		fmt.Println("up:", err)
		os.Exit(1)
	}
	d := op.NewBuilder(b.Current(), op.BuilderOptions{})
	if err := Rev5c0ffee12345.Down(context.Background(), d); err != nil {
		fmt.Println("down:", err)
		os.Exit(1)
	}
	json.NewEncoder(os.Stdout).Encode([][]op.Op{b.Ops(), d.Ops()})
	json.NewEncoder(os.Stdout).Encode(d.Current())
}
`,
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	gosum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "go.sum"), gosum, 0o644)
	gobin := filepath.Join(runtime.GOROOT(), "bin", "go")
	cmd := exec.Command(gobin, "run", "-mod=mod", ".", string(startJSON))
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("generated code does not build or run: %v\n%s\n--- rev.go:\n%s", err, out, src)
	}
	lines := strings.SplitN(string(out), "\n", 2)
	wantOps, _ := json.Marshal([][]op.Op{withoutEmptyExec(up), withoutEmptyExec(op.ReverseAll(up))})
	if strings.TrimSpace(lines[0]) != string(wantOps) {
		t.Errorf("operations differ after the round trip\n got: %s\nwant: %s", lines[0], wantOps)
	}
	wantEnd, _ := json.Marshal(start())
	var endS schema.Schema
	json.Unmarshal([]byte(lines[1]), &endS)
	gotEnd, _ := json.Marshal(&endS)
	if string(gotEnd) != string(wantEnd) {
		t.Errorf("Up then Down does not return to the start:\n got: %s\nwant: %s", gotEnd, wantEnd)
	}
	_ = fmt.Sprint
}

// withoutEmptyExec drops Execute{} (the reverse of one-way SQL), which
// the writer leaves out.
func withoutEmptyExec(ops []op.Op) []op.Op {
	var out []op.Op
	for _, o := range ops {
		if e, ok := o.(op.Execute); ok && strings.TrimSpace(e.Up) == "" {
			continue
		}
		out = append(out, o)
	}
	return out
}
