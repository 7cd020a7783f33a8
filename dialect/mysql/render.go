package mysql

import (
	"fmt"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/schema"
)

// renderer turns operations into statements, tracking the schema they
// produce so later operations can look up what earlier ones left.
type renderer struct {
	ops   []op.Op
	opts  dialect.RenderOptions
	state *schema.Schema
	used  []bool
	out   []string
	// invisible is the index option that hides an index from the
	// optimizer: INVISIBLE on MySQL 8, IGNORED on MariaDB.
	invisible string
	// metadataOnly: the server can swap a key's name in place (MariaDB's
	// SET STATEMENT and ALGORITHM=NOCOPY).
	metadataOnly bool
}

// invisibleWord picks the server's spelling; a model with no server
// (built by hand, or an empty database rendered offline) gets MariaDB's,
// the server retort is tested on.
func invisibleWord(server string) string {
	if server != "" && !isMariaDB(server) {
		return "INVISIBLE"
	}
	return "IGNORED"
}

// Render implements dialect.Dialect.
func (Dialect) Render(ops []op.Op, current *schema.Schema, opts dialect.RenderOptions) ([]string, error) {
	st := &schema.Schema{}
	if current != nil {
		st = current.Clone()
	}
	ops = gatherFKSpans(ops)
	r := &renderer{ops: ops, opts: opts, state: st, used: make([]bool, len(ops)), metadataOnly: isMariaDB(st.Server)}
	r.invisible = invisibleWord(st.Server)
	for i, o := range ops {
		if r.used[i] {
			continue
		}
		r.used[i] = true
		if err := r.render(i, o); err != nil {
			return nil, fmt.Errorf("render %s: %w", o, err)
		}
	}
	return r.out, nil
}

// advance applies an operation to the tracked schema. A model that does
// not know a table (a partial current schema) only loses lookups.
func (r *renderer) advance(o op.Op) { _ = op.Apply(r.state, o) }

func (r *renderer) emit(s string) { r.out = append(r.out, s) }

func (r *renderer) alter(t op.Ref, clauses ...string) {
	r.emit("ALTER TABLE " + tableName(t) + " " + strings.Join(clauses, ", "))
}

func tableName(t op.Ref) string {
	if t.Schema == "" {
		return quote(t.Name)
	}
	return quote(t.Schema) + "." + quote(t.Name)
}

func (r *renderer) render(i int, o op.Op) error {
	if run := r.keyRun(i); run != nil {
		var cl []string
		for _, k := range run {
			r.used[k] = true
			c, _, err := r.tableClauses(r.ops[k])
			if err != nil {
				return err
			}
			cl = append(cl, c...)
			r.advance(r.ops[k])
		}
		r.alter(o.TableRef(), cl...)
		return nil
	}
	if cl, ok, err := r.tableClauses(o); ok || err != nil {
		if err != nil {
			return err
		}
		if len(cl) > 0 {
			r.alter(o.TableRef(), cl...)
		}
		r.advance(o)
		return nil
	}
	switch o := o.(type) {
	case op.CreateTable:
		s, err := r.createTable(o.Table)
		if err != nil {
			return err
		}
		r.emit(s)
	case op.DropTable:
		r.emit("DROP TABLE " + tableName(op.RefOf(o.Table)))
	case op.RenameTable:
		r.emit(fmt.Sprintf("RENAME TABLE %s TO %s", tableName(op.Ref{Schema: o.Schema, Name: o.Old}), tableName(op.Ref{Schema: o.Schema, Name: o.New})))
	case op.DropForeignKey, op.AddForeignKey:
		return r.foreignKeys(i)
	case op.RenameConstraint:
		if err := r.renameConstraint(o); err != nil {
			return err
		}
	case op.CreateIndex:
		name := o.Index.Name
		if name == "" {
			name = r.opts.Naming.IndexName(o.Table.Name, o.Index)
		}
		r.emit(fmt.Sprintf("CREATE %sINDEX %s ON %s (%s)%s", indexKind(o.Index), quote(name), tableName(o.Table), indexParts(o.Index.Parts), r.indexTail(o.Index)))
	case op.DropIndex:
		if o.Index.Name == "" {
			return fmt.Errorf("refusing to drop an unnamed index on %s", o.Table)
		}
		r.emit(fmt.Sprintf("DROP INDEX %s ON %s", quote(o.Index.Name), tableName(o.Table)))
	case op.CreateView:
		r.createView(i, o.View)
	case op.DropView:
		r.dropView(i, o.View)
	case op.CreateTrigger:
		if err := r.createTrigger(i, o); err != nil {
			return err
		}
	case op.SetComment:
		if err := r.setComment(o); err != nil {
			return err
		}
	case op.SetViewOptions:
		if err := r.setViewOptions(o); err != nil {
			return err
		}
	case op.DropTrigger:
		r.emit("DROP TRIGGER " + quote(o.Trigger.Name))
	case op.CreateEnum, op.DropEnum, op.AlterEnum:
		return fmt.Errorf("MySQL has no enum types; write ENUM(...) as the column type instead")
	case op.Execute:
		if strings.TrimSpace(o.Up) != "" {
			r.emit(o.Up)
		}
	case op.SetTableOptions:
		if err := r.setTableOptions(o); err != nil {
			return err
		}
	case op.AlterObject:
		r.alterObject(o)
	case op.CreateObject, op.DropObject:
		stmts, _ := op.ObjectStatements(o)
		for _, s := range stmts {
			r.emit(s)
		}
	default:
		return fmt.Errorf("MySQL dialect cannot render operation %T", o)
	}
	r.advance(o)
	return nil
}

func viewName(v *schema.View) string {
	if v.Schema == "" {
		return quote(v.Name)
	}
	return quote(v.Schema) + "." + quote(v.Name)
}

func (r *renderer) createTable(t *schema.Table) (string, error) {
	var defs []string
	for _, c := range t.Columns {
		defs = append(defs, colDef(t, c))
	}
	if t.PrimaryKey != nil && len(t.PrimaryKey.Columns) > 0 {
		defs = append(defs, pkDef(t.PrimaryKey))
	}
	for _, u := range t.Uniques {
		name := u.Name
		if name == "" {
			name = r.opts.Naming.Name("uq", t.Name, u.Columns)
		}
		defs = append(defs, fmt.Sprintf("CONSTRAINT %s UNIQUE (%s)", quote(name), quoteList(u.Columns)))
	}
	for _, ix := range t.Indexes {
		name := ix.Name
		if name == "" {
			name = r.opts.Naming.IndexName(t.Name, ix)
		}
		defs = append(defs, fmt.Sprintf("%sKEY %s (%s)%s", indexKind(ix), quote(name), indexParts(ix.Parts), r.indexTail(ix)))
	}
	for _, ck := range t.Checks {
		if ck.Column == "" {
			defs = append(defs, checkDef(ck))
		}
	}
	for _, fk := range t.ForeignKeys {
		d, err := fkDef(fk, r.fkName(t.Name, fk))
		if err != nil {
			return "", err
		}
		defs = append(defs, d)
	}
	return fmt.Sprintf("CREATE TABLE %s (\n  %s\n)%s", tableName(op.RefOf(t)), strings.Join(defs, ",\n  "), tableOptions(t)), nil
}

func (r *renderer) fkName(table string, fk *schema.ForeignKey) string {
	if fk.Name != "" {
		return fk.Name
	}
	return r.opts.Naming.Name("fk", table, fk.Columns)
}

// renameConstraint: MySQL renames only indexes, so keys and checks are
// dropped and re-added under the new name in one statement.
func (r *renderer) renameConstraint(o op.RenameConstraint) error {
	t := r.state.Table(o.Table.Schema, o.Table.Name)
	switch o.Kind {
	case "pk":
		return nil // MySQL's primary key is always named PRIMARY
	case "uq":
		r.alter(o.Table, fmt.Sprintf("RENAME INDEX %s TO %s", quote(o.Old), quote(o.New)))
		return nil
	case "fk":
		if t != nil {
			for _, fk := range t.ForeignKeys {
				if fk.Name == o.Old {
					d, err := fkDef(fk, o.New)
					if err != nil {
						return err
					}
					r.alter(o.Table, "DROP FOREIGN KEY "+quote(o.Old), "ADD "+d)
					return nil
				}
			}
		}
	case "ck":
		if t != nil {
			for _, ck := range t.Checks {
				if ck.Name == o.Old {
					r.alter(o.Table, "DROP CONSTRAINT "+quote(o.Old), "ADD "+checkDef(&schema.Check{Name: o.New, Expr: ck.Expr}))
					return nil
				}
			}
		}
	default:
		return fmt.Errorf("unknown constraint kind %q", o.Kind)
	}
	return fmt.Errorf("constraint %s is not in the current schema of %s, so its definition is unknown", o.Old, o.Table)
}
