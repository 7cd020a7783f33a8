package diff

import (
	"slices"
	"sort"
	"strings"

	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/schema"
)

// kept is a table present on both sides and the changes found for it.
type kept struct {
	from, to *schema.Table
	ref      op.Ref
	names    *namer

	addCols  []op.AddColumn
	alters   []op.AlterColumn
	dropCols []op.DropColumn
	pk       *op.AlterPrimaryKey
	comment  *op.SetTableComment
	options  *op.SetTableOptions

	dropChecks  []op.Op // DropCheck, DropUnique, DropIndex
	addChecks   []op.Op // AddCheck, AddUnique
	dropIndexes []op.Op
	addIndexes  []op.Op
	// dropDefaults drop defaults that use an SQL object that is dropped
	// (see objectUsers), before it.
	dropDefaults []op.Op
	// dropGenerated drop generated columns that use an SQL object that is
	// dropped (see generatedUsers), before it; addCols adds them again.
	dropGenerated []op.Op
	renames       []op.Op

	fks matching

	// What changes underneath keys, for deciding which foreign keys must
	// be dropped around the change or added only after it.
	added, droppedCols, reshaped colSet
	// rebuilt are the columns whose generation changes: a database may
	// drop and add them, and their indexes and constraints with them.
	rebuilt          colSet
	comments         []op.Op    // SetComment on kept indexes and constraints
	keysOld, keysNew [][]string // keys/indexes removed or created
}

// early are the generated columns to drop before the SQL objects that
// are dropped and add again after them (see generatedUsers).
func newKept(from, to *schema.Table, n schema.Naming, early colSet) *kept {
	k := &kept{
		from: from, to: to, ref: op.RefOf(to),
		added: colSet{}, droppedCols: colSet{}, reshaped: colSet{}, rebuilt: colSet{},
	}
	k.fks = matcher{
		nLive: len(from.ForeignKeys), nWant: len(to.ForeignKeys),
		liveName: func(i int) string { return from.ForeignKeys[i].Name },
		wantName: func(i int) string { return to.ForeignKeys[i].Name },
		same:     func(l, w int) bool { return from.ForeignKeys[l].SameTarget(to.ForeignKeys[w]) },
		equal:    func(l, w int) bool { return from.ForeignKeys[l].SameOptions(to.ForeignKeys[w]) },
	}.run()
	uqs := matcher{
		nLive: len(from.Uniques), nWant: len(to.Uniques),
		liveName: func(i int) string { return from.Uniques[i].Name },
		wantName: func(i int) string { return to.Uniques[i].Name },
		same:     func(l, w int) bool { return schema.SameColumns(from.Uniques[l].Columns, to.Uniques[w].Columns) },
		equal:    func(l, w int) bool { return sameUniqueOptions(from.Uniques[l], to.Uniques[w]) },
	}.run()
	cks := matcher{
		nLive: len(from.Checks), nWant: len(to.Checks),
		liveName: func(i int) string { return from.Checks[i].Name },
		wantName: func(i int) string { return to.Checks[i].Name },
		same:     func(l, w int) bool { return from.Checks[l].Expr == to.Checks[w].Expr },
		equal:    func(l, w int) bool { return strings.EqualFold(from.Checks[l].Column, to.Checks[w].Column) },
	}.run()

	// Names already fixed: every desired name, and the live name a
	// matched unnamed desired item keeps.
	k.names = newNamer(n, to)
	for _, p := range k.fks.pairs {
		if to.ForeignKeys[p.want].Name == "" {
			k.names.Take(from.ForeignKeys[p.live].Name)
		}
	}
	for _, p := range uqs.pairs {
		if to.Uniques[p.want].Name == "" {
			k.names.Take(from.Uniques[p.live].Name)
		}
	}
	for _, p := range cks.pairs {
		if to.Checks[p.want].Name == "" {
			k.names.Take(from.Checks[p.live].Name)
		}
	}

	k.diffColumns(early)
	k.diffUniques(uqs)
	k.diffChecks(cks)
	k.diffIndexes()
	k.diffExclusions()
	return k
}

func sameUniqueOptions(a, b *schema.Unique) bool {
	return a.Deferrable == b.Deferrable && a.InitiallyDeferred == b.InitiallyDeferred && a.NullsNotDistinct == b.NullsNotDistinct &&
		schema.SameColumns(a.Include, b.Include) && sameParams(a.Params, b.Params) && a.OnConflict == b.OnConflict
}

func (k *kept) diffUniques(m matching) {
	from, to := k.from.Uniques, k.to.Uniques
	drop := func(u *schema.Unique) {
		k.dropChecks = append(k.dropChecks, op.DropUnique{Table: k.ref, Unique: u})
		k.keysOld = append(k.keysOld, u.Columns)
	}
	add := func(u *schema.Unique, fallback string) {
		k.addChecks = append(k.addChecks, op.AddUnique{Table: k.ref, Unique: k.names.namedUnique(u, fallback)})
		k.keysNew = append(k.keysNew, u.Columns)
	}
	for _, p := range m.pairs {
		l, w := from[p.live], to[p.want]
		switch {
		case !schema.SameColumns(l.Columns, w.Columns) || !sameUniqueOptions(l, w) || k.rebuilt.hitsAny(l.Columns):
			drop(l)
			add(w, l.Name)
		case l.Name != "" && w.Name != "" && l.Name != w.Name:
			k.renames = append(k.renames, op.RenameConstraint{Table: k.ref, Kind: schema.KindUnique, Old: l.Name, New: w.Name})
			k.commentOn(w.Name, l.Comment, w.Comment)
		default:
			k.commentOn(l.Name, l.Comment, w.Comment)
		}
	}
	for _, i := range m.dropped {
		drop(from[i])
	}
	for _, i := range m.added {
		add(to[i], "")
	}
}

func (k *kept) diffChecks(m matching) {
	from, to := k.from.Checks, k.to.Checks
	for _, p := range m.pairs {
		l, w := from[p.live], to[p.want]
		switch {
		case l.Expr != w.Expr || l.NoInherit != w.NoInherit || !strings.EqualFold(l.Column, w.Column) || k.rebuiltIn(l.Expr):
			k.dropChecks = append(k.dropChecks, op.DropCheck{Table: k.ref, Check: l})
			k.addChecks = append(k.addChecks, op.AddCheck{Table: k.ref, Check: k.names.namedCheck(w, l.Name)})
		case l.Name != "" && w.Name != "" && l.Name != w.Name:
			k.renames = append(k.renames, op.RenameConstraint{Table: k.ref, Kind: schema.KindCheck, Old: l.Name, New: w.Name})
			k.commentOn(w.Name, l.Comment, w.Comment)
		default:
			k.commentOn(l.Name, l.Comment, w.Comment)
		}
	}
	for _, i := range m.dropped {
		k.dropChecks = append(k.dropChecks, op.DropCheck{Table: k.ref, Check: from[i]})
	}
	for _, i := range m.added {
		k.addChecks = append(k.addChecks, op.AddCheck{Table: k.ref, Check: k.names.namedCheck(to[i], "")})
	}
}

// sameIndex compares index definitions, leaving out the name, comment
// and the original SQL text.
func sameIndex(a, b *schema.Index) bool {
	return a.Unique == b.Unique && a.Where == b.Where && a.Invisible == b.Invisible &&
		strings.EqualFold(a.Method, b.Method) && sameParams(a.Params, b.Params) && a.NullsNotDistinct == b.NullsNotDistinct &&
		sameParts(a.Parts, b.Parts) && schema.SameColumns(a.Include, b.Include)
}

// rebuildInvalid reports a live index a failed build left INVALID (used
// by no query, enforcing nothing) where the desired one is whole: only
// dropping and creating it again makes it so. A desired schema is loaded
// fresh, so its indexes are valid; two reflections that both have it
// invalid agree.
func rebuildInvalid(live, want *schema.Index) bool { return live.Invalid && !want.Invalid }

// sameParams compares comma-separated storage parameters in any order.
func sameParams(a, b string) bool {
	split := func(s string) []string {
		var out []string
		for _, p := range strings.Split(s, ",") {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
		sort.Strings(out)
		return out
	}
	return slices.Equal(split(a), split(b))
}

func sameParts(a, b []schema.IndexPart) bool {
	if len(a) != len(b) {
		return false
	}
	for i, p := range a {
		q := b[i]
		if !strings.EqualFold(p.Column, q.Column) || p.Expr != q.Expr || p.Desc != q.Desc || p.Nulls != q.Nulls ||
			p.Collation != q.Collation || p.OpClass != q.OpClass || p.Prefix != q.Prefix || p.Operator != q.Operator {
			return false
		}
	}
	return true
}

func (k *kept) diffIndexes() {
	from, to := k.from.Indexes, k.to.Indexes
	m := matcher{
		nLive: len(from), nWant: len(to),
		liveName: func(i int) string { return from[i].Name },
		wantName: func(i int) string { return to[i].Name },
		same:     func(l, w int) bool { return sameIndex(from[l], to[w]) },
		equal:    func(l, w int) bool { return true },
	}.run()
	drop := func(ix *schema.Index) {
		k.dropIndexes = append(k.dropIndexes, op.DropIndex{Table: k.ref, Index: ix})
		if cols := indexColumns(ix); cols != nil {
			k.keysOld = append(k.keysOld, cols)
		}
	}
	add := func(ix *schema.Index) {
		k.addIndexes = append(k.addIndexes, op.CreateIndex{Table: k.ref, Index: ix})
		if cols := indexColumns(ix); cols != nil {
			k.keysNew = append(k.keysNew, cols)
		}
	}
	for _, p := range m.pairs {
		l, w := from[p.live], to[p.want]
		switch {
		case !sameIndex(l, w) || rebuildInvalid(l, w) || k.rebuiltUses(l.Parts, l.Include, l.Where):
			drop(l)
			add(w)
		case l.Name != w.Name:
			k.renames = append(k.renames, op.RenameIndex{Table: k.ref, Old: l.Name, New: w.Name})
			k.commentIndex(w.Name, l.Comment, w.Comment)
		default:
			k.commentIndex(l.Name, l.Comment, w.Comment)
		}
	}
	for _, i := range m.dropped {
		drop(from[i])
	}
	for _, i := range m.added {
		add(to[i])
	}
}

// keyChanges reports whether a foreign key over refCols of this table
// relies on a column or key the column/constraint phases add, remove or
// change. A key from a new table is then added only after those phases,
// and a key from a dropped table is dropped before them (PostgreSQL ties
// a key to one unique index, and refuses to drop that index under it).
func (k *kept) keyChanges(refCols []string) bool {
	return k.added.hitsAny(refCols) || k.droppedCols.hitsAny(refCols) || k.reshaped.hitsAny(refCols) ||
		keyCovers(k.keysNew, refCols) || keyCovers(k.keysOld, refCols)
}
