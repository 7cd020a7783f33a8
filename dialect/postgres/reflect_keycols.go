package postgres

import (
	"strconv"
	"strings"
)

// reflKeyCols names the columns of keys by attribute number. The
// constraints query used to name them itself, with one pg_attribute
// probe per key column: a third of its time on 500 tables (issue #15).
// The columns step already reads every column of the tables in scope,
// so the keys record the numbers and this step names them; only a
// foreign key's target outside those tables (another schema, a
// partition, an extension's table) costs a query.
type reflKeyCols struct {
	// names is written by the columns step: by table oid, each column's
	// name at the index of its attribute number ("" for a dropped one).
	names map[uint32][]string
	// pending is written by the constraints step.
	pending []reflKeyRef
}

// reflKeyRef is one key's list of columns to name: the attribute numbers
// nums of table rel, in key order, to be stored in dst.
type reflKeyRef struct {
	rel  uint32
	nums []int64
	dst  *[]string
}

func newReflKeyCols() *reflKeyCols {
	return &reflKeyCols{names: map[uint32][]string{}}
}

// column records that attribute num of table rel is called name.
func (k *reflKeyCols) column(rel uint32, num int64, name string) {
	cols := k.names[rel]
	if num <= 0 || num > 1600 { // a table has at most 1600 columns
		return
	}
	for int64(len(cols)) <= num {
		cols = append(cols, "")
	}
	cols[num] = name
	k.names[rel] = cols
}

// name asks for the columns nums of table rel to be named into dst.
func (k *reflKeyCols) name(rel uint32, nums []int64, dst *[]string) {
	if len(nums) > 0 {
		k.pending = append(k.pending, reflKeyRef{rel: rel, nums: nums, dst: dst})
	}
}

// reflKeyColsSQL reads the columns of the tables the columns step did not
// (their oids, comma-separated, in $1).
const reflKeyColsSQL = `SELECT a.attrelid, a.attnum, a.attname FROM pg_attribute a
WHERE a.attrelid = ANY (string_to_array($1, ',')::oid[]) AND a.attnum > 0 AND NOT a.attisdropped`

// keyColumns names every pending key's columns, leaving out numbers
// without a column (an exclusion constraint's expressions are 0).
func (r *reflector) keyColumns() error {
	k := r.keys
	var missing []string
	seen := map[uint32]bool{}
	for _, ref := range k.pending {
		if _, ok := k.names[ref.rel]; !ok && !seen[ref.rel] {
			seen[ref.rel] = true
			missing = append(missing, strconv.FormatUint(uint64(ref.rel), 10))
		}
	}
	if len(missing) > 0 {
		rows, err := r.q.QueryContext(r.ctx, reflKeyColsSQL, strings.Join(missing, ","))
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var (
				rel  uint32
				num  int64
				name string
			)
			if err := rows.Scan(&rel, &num, &name); err != nil {
				return err
			}
			k.column(rel, num, name)
		}
		if err := rows.Err(); err != nil {
			return err
		}
	}
	for _, ref := range k.pending {
		cols := k.names[ref.rel]
		out := make([]string, 0, len(ref.nums))
		for _, n := range ref.nums {
			if n > 0 && n < int64(len(cols)) && cols[n] != "" {
				out = append(out, cols[n])
			}
		}
		*ref.dst = nonEmpty(out)
	}
	k.pending = nil
	return nil
}
