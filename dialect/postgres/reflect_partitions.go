package postgres

import (
	"fmt"

	"github.com/retortdb/retort/schema"
)

// objPartition builds a partition of a partitioned table. The parent is
// a table of the model (its key in Options "partition_by"); a partition
// holds rows, so it is an object of its own rather than a table: its
// columns, keys and indexes are the parent's. It is created after tables
// (PARTITION OF needs the parent) and dropped before them; it does not
// depend on the parent's key, so a parent's column change, which
// PostgreSQL carries to the partitions, never drops it. A new bound is
// DETACH and ATTACH (rows kept, checked against the bound); a new
// partition key of a sub-partitioned one needs a drop and a create.
func objPartition(o *schema.SQLObject, nsp string, f []string) ([]*schema.SQLObject, error) {
	if err := objFields(f, 4); err != nil {
		return nil, err
	}
	bound, key, parentNsp, grand := f[0], f[1], f[2], f[3]
	parent := qualified(parentNsp, o.Table)
	if parentNsp == nsp {
		parent = qualified(o.Schema, o.Table)
	}
	spec := bound
	if key != "" {
		spec += " PARTITION BY " + key
	}
	o.Definition = spec
	o.Create = []string{"CREATE TABLE " + objName(o) + " PARTITION OF " + parent + " " + spec}
	o.Drop = []string{"DROP TABLE " + objName(o)}
	o.Phase = schema.AfterTables
	o.InPlace = true
	o.Attrs = map[string]string{"bound": bound, "key": key, "parent": parent}
	o.Fixed = key // a new key needs a drop and a create (alterPartition)
	if grand != "" {
		o.Deps = append(o.Deps, schema.ObjectKey("partition", o.Schema, grand, o.Table))
	} else {
		o.Deps = append(o.Deps, schema.ObjectKey("partition key", o.Schema, "", o.Table))
	}
	return nil, nil
}

// objPartitionKey stands for a partitioned table's key, which its
// CREATE TABLE sets. Partitions depend on it, so they are dropped before
// the table goes (or is made again with a new key) and created after,
// but not for a column change, which reaches them without a drop. Its
// statements only check that the table has that key, failing with a
// message that names both otherwise.
func objPartitionKey(o *schema.SQLObject, nsp string, f []string) ([]*schema.SQLObject, error) {
	if err := objFields(f, 1); err != nil {
		return nil, err
	}
	o.Definition = f[0]
	o.Phase = schema.AfterTables
	check := fmt.Sprintf("DO $retort$BEGIN IF pg_get_partkeydef(%s::regclass) IS DISTINCT FROM %s THEN "+
		"RAISE EXCEPTION 'table %% is not partitioned by %%', %s, %s; END IF; END$retort$",
		literal(objName(o)), literal(f[0]), literal(objName(o)), literal(f[0]))
	o.Create, o.Drop = []string{check}, []string{check}
	return nil, nil
}
