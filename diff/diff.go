// Package diff compares a live schema with a desired one and returns the
// operations, in executable order, that take the first to the second.
package diff

import (
	"fmt"
	"slices"
	"sort"

	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/schema"
)

// Options tunes the comparison.
type Options struct {
	Naming schema.Naming // names constraints the desired schema leaves unnamed
	// FKNeedsIndex: the database refuses to drop the index a foreign key
	// uses (InnoDB; set it from dialect.Capabilities.ImplicitFKIndex). Keys are
	// then dropped and re-added around a change to an index over their
	// columns.
	FKNeedsIndex bool
	// PKNames: primary key names are part of the schema, as later
	// statements name the key (PostgreSQL; set it from
	// dialect.Capabilities.NamedPrimaryKey), so a name that differs is
	// renamed. Elsewhere (MySQL's PRIMARY, SQLite) names are left alone.
	PKNames bool
	// TableOptions are the schema.Table.Options keys that are compared
	// (set it from dialect.Capabilities.TableOptions); a difference in
	// them is an op.SetTableOptions. Other keys are not compared.
	TableOptions []string
	// RecreateTableOn are the schema.Table.Options keys no ALTER can
	// change (PostgreSQL's partition key; set it from
	// dialect.Capabilities.RecreateTableOn): a table whose value differs
	// is dropped and created, and the destructive gate reports the rows
	// that go.
	RecreateTableOn []string

	// Likely renames (a dropped and an added table or column of the same
	// shape) are never a drop and add without a decision: Renames decides
	// some, NoRename makes every other one a drop and add, else Decide is
	// asked about each, else Schemas returns *UndecidedRenamesError.
	// A rename runs natively, after the triggers and views that change are
	// dropped and before everything else, so no value is lost.
	Renames  []Rename
	NoRename bool
	Decide   func(Candidate) (bool, error)
}

// Schemas returns the operations that take `from` (the live database) to
// `to` (the desired schema), in an order that can be executed as-is, each
// op carrying what its Reverse needs (so op.ReverseAll(ops) is the
// downgrade). A nil schema is an empty one. The ops share values with the
// inputs (names are filled in on copies), so neither may be changed
// while the ops are in use.
func Schemas(from, to *schema.Schema, opts Options) ([]op.Op, error) {
	if from == nil {
		from = &schema.Schema{}
	}
	if to == nil {
		to = &schema.Schema{}
	}
	if err := validate(from, "live"); err != nil {
		return nil, err
	}
	if err := validate(to, "desired"); err != nil {
		return nil, err
	}
	live := from
	renames, err := planRenames(from, to, opts)
	if err != nil {
		return nil, err
	}
	if len(renames) > 0 {
		from = from.Clone()
		if err := op.Apply(from, renames...); err != nil {
			return nil, fmt.Errorf("diff: modelling the renames failed: %w", err)
		}
	}
	d := &differ{from: from, to: to, opts: opts}
	d.run()
	d.p.objectRenames = renames
	// Triggers and views go before the renames, so the downgrade renames
	// back before it recreates them: a dropped trigger is the live one.
	for i, o := range d.p.dropTriggers {
		tr := o.(op.DropTrigger).Trigger
		if orig := live.Trigger(tr.Schema, tr.Name); orig != nil {
			d.p.dropTriggers[i] = op.DropTrigger{Trigger: orig}
		}
	}
	return d.p.flatten(), nil
}

// phases collects operations by execution phase; flatten concatenates
// them in the order that keeps every step executable.
type phases struct {
	createContainers, dropContainers                                  []op.Op
	dropTriggers, dropObjectsAfter, dropViews, objectRenames, dropFKs []op.Op
	dropChecks, dropIndexes, dropTables, enums, objectsBefore         []op.Op
	dropDefaults, dropGenerated, dropUsedObjects                      []op.Op
	createTables, columns, enumsLate, renames, addChecks              []op.Op
	createIndexes, addFKs                                             []op.Op
	createViews, comments, objectsAfter, createTriggers               []op.Op
	dropObjectsBefore, dropEnums                                      []op.Op
}

func (p *phases) flatten() []op.Op {
	var out []op.Op
	for _, ph := range [][]op.Op{
		p.createContainers,
		// Objects that need tables may need views (a materialized
		// view's index): dropped before them, as created after them.
		p.dropTriggers, p.dropObjectsAfter, p.dropViews, p.objectRenames, p.dropFKs,
		// Defaults using an object that is dropped go before it, with
		// the object's other users (checks, indexes, views, triggers).
		p.dropChecks, p.dropIndexes, p.dropDefaults, p.dropGenerated, p.dropUsedObjects, p.dropTables, p.enums, p.objectsBefore,
		p.createTables, p.columns, p.enumsLate, p.renames, p.addChecks, p.createIndexes, p.addFKs,
		p.createViews, p.comments, p.objectsAfter, p.createTriggers, p.dropObjectsBefore,
		p.dropEnums, p.dropContainers,
	} {
		out = append(out, ph...)
	}
	return out
}

type differ struct {
	from, to *schema.Schema
	opts     Options
	p        phases

	kept             map[tkey]*kept
	keptOrder        []*kept
	created, dropped []*schema.Table
	dropViewSet      map[tkey]bool // live views dropped (and maybe recreated)

	// Views and triggers that use an SQL object that is dropped, to
	// recreate around it (see objectUsers).
	usedViews, usedTriggers map[tkey]bool
	// early are the generated columns of kept tables that use an SQL
	// object that is dropped (see generatedUsers).
	early map[tkey]colSet
}

func (d *differ) run() {
	d.early = map[tkey]colSet{}
	d.matchTables()
	for d.generatedUsers() {
		d.matchTables() // again, with the columns rebuilt around the objects
	}
	d.createTables()
	d.dropTables()
	d.objectUsers()
	for _, k := range d.keptOrder {
		d.keptTable(k)
	}
	d.foreignKeys()
	for _, k := range d.keptOrder {
		sortByName(k.comments)
		d.p.comments = append(d.p.comments, k.comments...)
	}
	d.views()
	d.triggers()
	d.enums()
	d.objects()
	sortByTableAndName(d.p.dropFKs)
	sortByTableAndName(d.p.addFKs)
}

func (d *differ) matchTables() {
	live := make(map[tkey]*schema.Table, len(d.from.Tables))
	for _, t := range d.from.Tables {
		live[keyOf(t)] = t
	}
	want := make(map[tkey]*schema.Table, len(d.to.Tables))
	for _, t := range d.to.Tables {
		want[keyOf(t)] = t
	}
	d.kept, d.keptOrder, d.created, d.dropped = map[tkey]*kept{}, nil, nil, nil
	for _, t := range d.to.Tables {
		if old := live[keyOf(t)]; old != nil && d.recreates(old, t) {
			d.dropped = append(d.dropped, old)
			d.created = append(d.created, t)
		} else if old != nil {
			k := newKept(old, t, d.opts.Naming, d.early[keyOf(t)])
			if d.opts.PKNames {
				k.renamePrimaryKey()
			}
			k.diffOptions(d.opts.TableOptions)
			d.kept[keyOf(t)] = k
			d.keptOrder = append(d.keptOrder, k)
		} else {
			d.created = append(d.created, t)
		}
	}
	for _, t := range d.from.Tables {
		if want[keyOf(t)] == nil {
			d.dropped = append(d.dropped, t)
		}
	}
	sort.Slice(d.keptOrder, func(i, j int) bool { return lessTable(d.keptOrder[i].to, d.keptOrder[j].to) })
}

// recreates reports whether an option no ALTER can change differs, so
// the table is dropped and created.
func (d *differ) recreates(old, t *schema.Table) bool {
	for _, k := range d.opts.RecreateTableOn {
		if old.Options[k] != t.Options[k] {
			return true
		}
	}
	return false
}

// keptTable emits a kept table's column, constraint and index changes.
// Within a table: adds, alters that make a new key column NOT NULL,
// primary key, other alters, drops, so a new key column exists and holds
// no NULL first and an old one is free of the key before it changes. The
// reverse (the downgrade) then frees a column of the key before making
// it nullable, which PostgreSQL requires.
func (d *differ) keptTable(k *kept) {
	for _, o := range k.addCols {
		d.p.columns = append(d.p.columns, o)
	}
	var later []op.Op
	for _, o := range k.alters {
		if k.pk != nil && o.From.Nullable && !o.To.Nullable && k.pk.To != nil && slices.Contains(k.pk.To.Columns, o.To.Name) {
			d.p.columns = append(d.p.columns, o)
		} else {
			later = append(later, o)
		}
	}
	if k.pk != nil {
		d.p.columns = append(d.p.columns, *k.pk)
	}
	d.p.columns = append(d.p.columns, later...)
	for _, o := range k.dropCols {
		d.p.columns = append(d.p.columns, o)
	}
	if k.comment != nil {
		d.p.columns = append(d.p.columns, *k.comment)
	}
	if k.options != nil {
		d.p.columns = append(d.p.columns, *k.options)
	}
	sortByName(k.dropChecks)
	sortByName(k.dropIndexes)
	sortByName(k.renames)
	sortByName(k.addChecks)
	sortByName(k.addIndexes)
	d.p.dropChecks = append(d.p.dropChecks, k.dropChecks...)
	d.p.dropIndexes = append(d.p.dropIndexes, k.dropIndexes...)
	d.p.dropDefaults = append(d.p.dropDefaults, k.dropDefaults...)
	d.p.dropGenerated = append(d.p.dropGenerated, k.dropGenerated...)
	d.p.renames = append(d.p.renames, k.renames...)
	d.p.addChecks = append(d.p.addChecks, k.addChecks...)
	d.p.createIndexes = append(d.p.createIndexes, k.addIndexes...)
}
