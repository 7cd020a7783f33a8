package postgres

import (
	"fmt"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/schema"
)

// lockTimeout bounds how long a constraint change waits for its lock: a
// waiting ACCESS EXCLUSIVE request queues every later query on the table
// behind it, so failing fast (and rerunning) beats stalling the app.
const lockTimeout = "SET LOCAL lock_timeout = '5s'"

// renderer turns operations into statements, tracking the schema they
// produce so later operations can look up what earlier ones left.
type renderer struct {
	opts    dialect.RenderOptions
	state   *schema.Schema
	created map[op.Ref]bool     // tables created by this render: empty, no lock worries
	timeout bool                // lockTimeout already emitted
	pending []validation        // constraints added NOT VALID, validated at the end
	dropped map[validation]bool // constraints this render dropped
	done    []op.Op             // the operations rendered so far
	out     []string
}

// validation is a constraint added NOT VALID that the revision validates.
type validation struct {
	table op.Ref
	name  string
}

// Render implements dialect.Dialect. Foreign keys and checks added to
// existing tables go in NOT VALID (a brief lock) and are validated by
// statements at the end, which Prepare defers to a second transaction.
func (Dialect) Render(ops []op.Op, current *schema.Schema, opts dialect.RenderOptions) ([]string, error) {
	st := &schema.Schema{}
	if current != nil {
		st = current.Clone()
	}
	r := &renderer{opts: opts, state: st, created: map[op.Ref]bool{}, dropped: map[validation]bool{}}
	for _, o := range ops {
		if err := r.render(o); err != nil {
			return nil, fmt.Errorf("render %s: %w", o, err)
		}
		_ = op.Apply(r.state, o) // a partial current schema only loses lookups
		r.done = append(r.done, o)
	}
	for _, v := range r.pending {
		r.alter(v.table, "VALIDATE CONSTRAINT "+quote(v.name))
	}
	return r.out, nil
}

func (r *renderer) emit(s string) { r.out = append(r.out, s) }

func (r *renderer) alter(t op.Ref, clause string) {
	r.emit("ALTER TABLE " + tableName(t) + " " + clause)
}

func tableName(t op.Ref) string { return qualified(t.Schema, t.Name) }

func (r *renderer) render(o op.Op) error {
	switch o := o.(type) {
	case op.CreateTable:
		return r.createTable(o.Table)
	case op.DropTable:
		r.emit("DROP TABLE " + tableName(op.RefOf(o.Table)))
		r.forget(op.RefOf(o.Table), "")
	case op.RenameTable:
		from := op.Ref{Schema: o.Schema, Name: o.Old}
		r.alter(from, "RENAME TO "+quote(o.New))
		r.renameSequences(from, o.New)
		r.moved(from, op.Ref{Schema: o.Schema, Name: o.New})
	case op.AddColumn:
		r.alter(o.Table, "ADD COLUMN "+columnDef(o.Column))
		r.columnComment(o.Table, o.Column, "")
	case op.DropColumn:
		r.alter(o.Table, "DROP COLUMN "+quote(o.Column.Name))
	case op.AlterColumn:
		return r.alterColumn(o)
	case op.RenameColumn:
		r.alter(o.Table, fmt.Sprintf("RENAME COLUMN %s TO %s", quote(o.Old), quote(o.New)))
	case op.AlterPrimaryKey:
		return r.alterPrimaryKey(o)
	case op.AddForeignKey:
		return r.addForeignKey(o)
	case op.DropForeignKey:
		if o.FK.Name != "" {
			r.bounded(o.Table)
		}
		return r.dropConstraint(o.Table, o.FK.Name, "foreign key")
	case op.AddUnique:
		name := r.name("uq", o.Table.Name, o.Unique.Name, o.Unique.Columns)
		r.alter(o.Table, "ADD "+uniqueDef(o.Unique, name))
		r.constraintComment(o.Table, name, o.Unique.Comment)
	case op.DropUnique:
		return r.dropConstraint(o.Table, o.Unique.Name, "unique constraint")
	case op.AddCheck:
		r.addCheck(o)
		r.constraintComment(o.Table, o.Check.Name, o.Check.Comment)
	case op.AddExclusion:
		r.alter(o.Table, "ADD "+r.exclusionDef(o.Table, o.Exclusion))
		r.constraintComment(o.Table, r.exclusionName(o.Table, o.Exclusion), o.Exclusion.Comment)
	case op.DropExclusion:
		return r.dropConstraint(o.Table, o.Exclusion.Name, "exclusion constraint")
	case op.SetComment:
		r.setComment(o)
	case op.DropCheck:
		return r.dropConstraint(o.Table, o.Check.Name, "check constraint")
	case op.RenameConstraint:
		r.alter(o.Table, fmt.Sprintf("RENAME CONSTRAINT %s TO %s", quote(o.Old), quote(o.New)))
		for i := range r.pending {
			if r.pending[i].table == o.Table && r.pending[i].name == o.Old {
				r.pending[i].name = o.New
			}
		}
	case op.CreateIndex:
		r.addIndex(o.Table, o.Index, o.Online)
	case op.DropIndex:
		if o.Index.Name == "" {
			return fmt.Errorf("refusing to drop an unnamed index on %s", o.Table)
		}
		r.emit("DROP INDEX " + r.concurrently(o.Table, o.Online) + qualified(o.Table.Schema, o.Index.Name))
	case op.RenameIndex:
		r.emit(fmt.Sprintf("ALTER INDEX %s RENAME TO %s", qualified(o.Table.Schema, o.Old), quote(o.New)))
	case op.SetTableOptions:
		r.setTableOptions(o)
	case op.SetTableComment:
		r.emit(fmt.Sprintf("COMMENT ON TABLE %s IS %s", tableName(o.Table), commentText(o.To)))
	case op.CreateView:
		r.emit(createView(o.View))
		if o.View.Comment != "" {
			r.emit(fmt.Sprintf("COMMENT ON %s %s IS %s", viewKind(o.View), qualified(o.View.Schema, o.View.Name), commentText(o.View.Comment)))
		}
	case op.SetViewOptions:
		r.setViewOptions(o)
	case op.DropView:
		r.emit("DROP " + viewKind(o.View) + " " + qualified(o.View.Schema, o.View.Name))
	case op.CreateTrigger:
		r.emit(o.Trigger.SQL)
	case op.DropTrigger:
		r.emit(fmt.Sprintf("DROP TRIGGER %s ON %s", quote(o.Trigger.Name), qualified(o.Trigger.Schema, o.Trigger.Table)))
	case op.CreateEnum:
		r.emit(fmt.Sprintf("CREATE TYPE %s AS ENUM (%s)", qualified(o.Enum.Schema, o.Enum.Name), literalList(o.Enum.Values)))
	case op.DropEnum:
		r.emit("DROP TYPE " + qualified(o.Enum.Schema, o.Enum.Name))
	case op.AlterEnum:
		return r.alterEnum(o)
	case op.Execute:
		if strings.TrimSpace(o.Up) != "" {
			r.emit(o.Up)
		}
	case op.CreateObject, op.DropObject, op.AlterObject:
		if err := r.objectUsersLeft(o); err != nil {
			return err
		}
		r.out = append(r.out, objectStatements(o)...)
	default:
		return fmt.Errorf("the PostgreSQL dialect cannot render operation %T", o)
	}
	return nil
}

// name is a constraint's or index's name, or the naming convention's
// when the model leaves it unnamed.
func (r *renderer) name(kind schema.ConstraintKind, table, name string, cols []string) string {
	if name != "" {
		return name
	}
	return r.opts.Naming.Name(kind, table, cols)
}

func (r *renderer) dropConstraint(t op.Ref, name, what string) error {
	if name == "" {
		return fmt.Errorf("refusing to drop an unnamed %s on %s", what, t)
	}
	r.alter(t, "DROP CONSTRAINT "+quote(name))
	r.forget(t, name)
	r.dropped[validation{t, name}] = true
	return nil
}

// forget drops pending validations of a dropped constraint ("" = all of
// the table's).
func (r *renderer) forget(t op.Ref, name string) {
	kept := r.pending[:0]
	for _, v := range r.pending {
		if v.table != t || (name != "" && v.name != name) {
			kept = append(kept, v)
		}
	}
	r.pending = kept
}

func (r *renderer) moved(from, to op.Ref) {
	for i := range r.pending {
		if r.pending[i].table == from {
			r.pending[i].table = to
		}
	}
	if r.created[from] {
		delete(r.created, from)
		r.created[to] = true
	}
}

func (r *renderer) addPending(t op.Ref, name string) {
	for _, v := range r.pending {
		if v.table == t && v.name == name {
			return
		}
	}
	r.pending = append(r.pending, validation{table: t, name: name})
}

func commentText(s string) string {
	if s == "" {
		return "NULL"
	}
	return literal(s)
}

func literalList(vals []string) string {
	out := make([]string, len(vals))
	for i, v := range vals {
		out[i] = literal(v)
	}
	return strings.Join(out, ", ")
}

func quoteList(names []string) string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = quote(n)
	}
	return strings.Join(out, ", ")
}
