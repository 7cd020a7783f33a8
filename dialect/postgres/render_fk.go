package postgres

import "github.com/retortdb/retort/op"

// online reports whether a constraint added to t goes in NOT VALID and is
// validated afterwards: t existed before this render and plain adds were
// not asked for. A plain add scans the table while holding a lock that
// blocks writes; NOT VALID holds it only for the catalog change, and
// VALIDATE CONSTRAINT takes SHARE UPDATE EXCLUSIVE, which lets writes on.
func (r *renderer) online(t op.Ref) bool {
	return !r.opts.PlainForeignKeys && !r.created[t]
}

// bounded emits the lock timeout once, before the first statement on an
// existing table that needs a strong lock for a constraint change.
func (r *renderer) bounded(t op.Ref) {
	if !r.timeout && !r.created[t] {
		r.emit(lockTimeout)
		r.timeout = true
	}
}

func (r *renderer) addForeignKey(o op.AddForeignKey) error {
	name := r.name("fk", o.Table.Name, o.FK.Name, o.FK.Columns)
	def, err := fkDef(o.FK, name)
	if err != nil {
		return err
	}
	r.bounded(o.Table)
	switch {
	case o.FK.NotValid:
		r.alter(o.Table, "ADD "+def+" NOT VALID")
	case r.online(o.Table):
		r.rerunnable(o.Table, name)
		r.alter(o.Table, "ADD "+def+" NOT VALID")
		r.addPending(o.Table, name)
	default:
		r.alter(o.Table, "ADD "+def)
	}
	r.constraintComment(o.Table, name, o.FK.Comment)
	return nil
}

// addCheck: a check scans the table like a foreign key does, so it goes
// in NOT VALID the same way when it has a name to validate by.
func (r *renderer) addCheck(o op.AddCheck) {
	def := checkDef(o.Check)
	if o.Check.Name == "" || !r.online(o.Table) {
		r.alter(o.Table, "ADD "+def)
		return
	}
	r.bounded(o.Table)
	r.rerunnable(o.Table, o.Check.Name)
	r.alter(o.Table, "ADD "+def+" NOT VALID")
	r.addPending(o.Table, o.Check.Name)
}

// rerunnable drops a leftover of the constraint about to be added online.
// The NOT VALID add commits before VALIDATE runs; when VALIDATE fails the
// revision stays unapplied with the constraint in place, and the rerun
// the runner promises must not trip over it. A swap drops it already.
func (r *renderer) rerunnable(t op.Ref, name string) {
	if !r.dropped[validation{t, name}] {
		r.alter(t, "DROP CONSTRAINT IF EXISTS "+quote(name))
	}
}
