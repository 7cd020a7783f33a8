package mysql

import (
	"fmt"
	"strings"

	"github.com/retortdb/retort/op"
	"github.com/retortdb/retort/schema"
)

// Table option keys (schema.Table.Options) this dialect owns and diff
// compares. The AUTO_INCREMENT counter is not one: it is the table's data
// (it moves with every insert), so no two databases would agree on it.
const (
	optEngine      = "engine"
	optCharset     = "charset"
	optCollation   = "collation"
	optRowFormat   = "row_format"   // explicit ROW_FORMAT only (CREATE_OPTIONS)
	optPartitionBy = "partition_by" // see reflect_partitions.go
	optPartitions  = "partitions"
)

// storageOptions are the Aria and MyISAM table options, named as CREATE
// TABLE and ALTER TABLE name them but in lower case. They are read from
// SHOW CREATE TABLE, which shows each when written, and Aria's
// PAGE_CHECKSUM always (its value in effect), not from CREATE_OPTIONS:
// Aria lists transactional=1 there unwritten, and every ALTER TABLE of
// an Aria table writes page_checksum into its definition, which
// PAGE_CHECKSUM=DEFAULT does not take out again (both checked on
// MariaDB 10.11), so no ALTER could make that list match.
var storageOptions = []string{"pack_keys", "checksum", optPageChecksum, "delay_key_write", "transactional"}

// optPageChecksum is the option a table leaving Aria gets written into
// its definition by the server.
const optPageChecksum = "page_checksum"

// storageOptionOff is what ALTER TABLE takes to unset an option: CHECKSUM
// and DELAY_KEY_WRITE refuse DEFAULT; 0 is their default.
func storageOptionOff(k string) string {
	if k == "checksum" || k == "delay_key_write" {
		return "0"
	}
	return "DEFAULT"
}

// comparedTableOptions are the keys Capabilities.TableOptions declares.
var comparedTableOptions = append([]string{optEngine, optCharset, optCollation, optRowFormat, optPartitionBy, optPartitions}, storageOptions...)

// createOption returns the value of key in information_schema.TABLES.
// CREATE_OPTIONS ("row_format=COMPRESSED partitioned"), "" when absent.
func createOption(createOptions, key string) string {
	for _, f := range strings.Fields(createOptions) {
		if k, v, ok := strings.Cut(f, "="); ok && strings.EqualFold(k, key) {
			return v
		}
	}
	return ""
}

// rowFormat returns the ROW_FORMAT the CREATE statement gave explicitly,
// from CREATE_OPTIONS: the reported ROW_FORMAT column shows the default too.
func rowFormat(createOptions string) string {
	return strings.ToUpper(createOption(createOptions, optRowFormat))
}

// definedOptions files the Aria/MyISAM options the table definition
// shows (see storageOptions).
func definedOptions(ti *tableInfo) {
	for _, k := range storageOptions {
		if v := ti.def.options[k]; v != "" {
			ti.t.Options[k] = v
		}
	}
}

// setTableOptions renders a change of table options. ENGINE, ROW_FORMAT
// and the default character set share one ALTER; a new default character
// set or collation also converts the character columns that follow the
// default (the model's columns without a charset or collation of their
// own), since that is what the desired table holds. Columns with their
// own charset keep it: CONVERT TO CHARACTER SET would change them too.
// Partitioning follows in statements of its own (see partitionChange).
func (r *renderer) setTableOptions(o op.SetTableOptions) error {
	var cl []string
	changed := map[string]bool{}
	for _, k := range o.Changed() {
		changed[k] = true
	}
	if changed[optEngine] && o.To[optEngine] != "" {
		cl = append(cl, "ENGINE = "+o.To[optEngine])
	}
	if changed[optRowFormat] {
		cl = append(cl, "ROW_FORMAT = "+orDefault(o.To[optRowFormat]))
	}
	// A table leaving Aria gets PAGE_CHECKSUM written into its definition
	// by that ALTER, whatever it says; so the options follow in an ALTER
	// of their own then, which also unsets that one.
	var storage []string
	leavesAria := changed[optEngine] && strings.EqualFold(o.From[optEngine], "Aria")
	for _, k := range storageOptions {
		if !changed[k] && !(k == optPageChecksum && leavesAria) {
			continue
		}
		v := o.To[k]
		if v == "" {
			v = storageOptionOff(k)
		}
		storage = append(storage, strings.ToUpper(k)+" = "+v)
	}
	if !leavesAria {
		cl, storage = append(cl, storage...), nil
	}
	if (changed[optCharset] || changed[optCollation]) && (o.To[optCharset] != "" || o.To[optCollation] != "") {
		def := "DEFAULT"
		if cs := o.To[optCharset]; cs != "" {
			def += " CHARACTER SET " + cs
		}
		if co := o.To[optCollation]; co != "" {
			def += " COLLATE " + co
		}
		cl = append(cl, def)
		if t := r.state.Table(o.Table.Schema, o.Table.Name); t != nil {
			for _, c := range t.Columns {
				if followsTableCharset(c) {
					cl = append(cl, "MODIFY COLUMN "+columnDef(c))
				}
			}
		}
	}
	if len(cl) > 0 {
		r.alter(o.Table, cl...)
	}
	if len(storage) > 0 {
		r.alter(o.Table, storage...)
	}
	if changed[optPartitionBy] || changed[optPartitions] {
		stmts, err := partitionChange(o.Table, o.From, o.To)
		if err != nil {
			return err
		}
		for _, s := range stmts {
			r.emit(s)
		}
	}
	return nil
}

func orDefault(v string) string {
	if v == "" {
		return "DEFAULT"
	}
	return v
}

// followsTableCharset reports whether a column stores characters in the
// table's default character set and collation.
func followsTableCharset(c *schema.Column) bool {
	if c.Collation != "" || c.Attrs["charset"] != "" {
		return false
	}
	t := strings.ToLower(c.Type)
	for _, p := range []string{"char", "varchar", "tinytext", "text", "mediumtext", "longtext", "enum", "set"} {
		if t == p || strings.HasPrefix(t, p+"(") || strings.HasPrefix(t, p+" ") {
			return true
		}
	}
	return false
}

// tableOptionsTail is what CREATE TABLE carries after the common options:
// ROW_FORMAT, the Aria/MyISAM options and the partitioning clause.
func tableOptionsTail(t *schema.Table) string {
	var b strings.Builder
	if rf := t.Options[optRowFormat]; rf != "" {
		b.WriteString(" ROW_FORMAT=" + rf)
	}
	for _, k := range storageOptions {
		if v := t.Options[k]; v != "" {
			b.WriteString(" " + strings.ToUpper(k) + "=" + v)
		}
	}
	if p := partitionClause(t.Options); p != "" {
		fmt.Fprintf(&b, "\n%s", p)
	}
	return b.String()
}
