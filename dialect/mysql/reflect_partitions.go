package mysql

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// Partitioning is modelled as two table options: optPartitionBy holds the
// method and expression ("RANGE (year(`d`))", "HASH (`id`) PARTITIONS 4",
// with any SUBPARTITION BY clause), optPartitions the partition
// definitions, one a line ("PARTITION `p0` VALUES LESS THAN (2020)").
// HASH and KEY partitions with the names the server gives them
// (p0, p1...) are a count in optPartitionBy instead; so are
// subpartitions named by the server (p0sp0...).

// partRow is one row of information_schema.PARTITIONS.
type partRow struct {
	table, name, sub, method, subMethod, expr, subExpr, desc, comment string
}

func (r *reflector) loadPartitions(ctx context.Context) error {
	if len(r.partitioned) == 0 {
		return nil
	}
	q := `SELECT TABLE_NAME, PARTITION_NAME, COALESCE(SUBPARTITION_NAME, ''), PARTITION_METHOD,
  COALESCE(SUBPARTITION_METHOD, ''), COALESCE(PARTITION_EXPRESSION, ''), COALESCE(SUBPARTITION_EXPRESSION, ''),
  COALESCE(PARTITION_DESCRIPTION, ''), COALESCE(PARTITION_COMMENT, '')
FROM information_schema.PARTITIONS
WHERE TABLE_SCHEMA = ? AND PARTITION_NAME IS NOT NULL AND TABLE_NAME IN (` + tableList(r.partitioned) + `)
ORDER BY TABLE_NAME, PARTITION_ORDINAL_POSITION, SUBPARTITION_ORDINAL_POSITION`
	byTable := map[string][]partRow{}
	var order []string
	err := r.query(ctx, "partitions", q, func(rows *sql.Rows) error {
		var p partRow
		if err := rows.Scan(&p.table, &p.name, &p.sub, &p.method, &p.subMethod, &p.expr, &p.subExpr, &p.desc, &p.comment); err != nil {
			return err
		}
		if byTable[p.table] == nil {
			order = append(order, p.table)
		}
		byTable[p.table] = append(byTable[p.table], p)
		return nil
	})
	if err != nil {
		return err
	}
	for _, name := range order {
		ti := r.tables[name]
		if ti == nil {
			continue
		}
		by, parts := partitioning(byTable[name])
		ti.t.Options[optPartitionBy] = by
		if parts != "" {
			ti.t.Options[optPartitions] = parts
		}
	}
	return nil
}

// isPartitioned reads "partitioned" in information_schema.TABLES.CREATE_OPTIONS.
func isPartitioned(createOptions string) bool {
	for _, f := range strings.Fields(createOptions) {
		if f == "partitioned" {
			return true
		}
	}
	return false
}

// tableList spells names as an SQL list of string literals.
func tableList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = literal(n)
	}
	return strings.Join(q, ", ")
}

// partitioning turns one table's rows (in partition, subpartition order)
// into the two option values.
func partitioning(rows []partRow) (by, parts string) {
	first := rows[0]
	by = first.method + " (" + first.expr + ")"
	if strings.HasSuffix(first.method, "COLUMNS") {
		by = first.method + "(" + first.expr + ")"
	}
	// Partitions in order, each with its subpartitions.
	type part struct {
		row  partRow
		subs []string
	}
	var ps []*part
	for _, rw := range rows {
		if len(ps) == 0 || ps[len(ps)-1].row.name != rw.name {
			ps = append(ps, &part{row: rw})
		}
		if rw.sub != "" {
			ps[len(ps)-1].subs = append(ps[len(ps)-1].subs, rw.sub)
		}
	}
	serverSubs := first.subMethod != ""
	for _, p := range ps {
		if len(p.subs) != len(ps[0].subs) {
			serverSubs = false
		}
		for i, s := range p.subs {
			if s != fmt.Sprintf("%ssp%d", p.row.name, i) {
				serverSubs = false
			}
		}
	}
	hashed := strings.HasSuffix(first.method, "HASH") || strings.HasSuffix(first.method, "KEY")
	serverNames := hashed
	for i, p := range ps {
		if p.row.name != fmt.Sprintf("p%d", i) || p.row.comment != "" || (first.subMethod != "" && !serverSubs) {
			serverNames = false
		}
	}
	if serverNames {
		by += fmt.Sprintf(" PARTITIONS %d", len(ps))
	}
	if first.subMethod != "" {
		by += " SUBPARTITION BY " + first.subMethod + " (" + first.subExpr + ")"
		if serverSubs {
			by += fmt.Sprintf(" SUBPARTITIONS %d", len(ps[0].subs))
		}
	}
	if serverNames {
		return by, ""
	}
	var lines []string
	for _, p := range ps {
		line := "PARTITION " + quote(p.row.name) + partitionValues(first.method, p.row.desc)
		if p.row.comment != "" {
			line += " COMMENT = " + literal(p.row.comment)
		}
		if len(p.subs) > 0 && !serverSubs {
			var subs []string
			for _, s := range p.subs {
				subs = append(subs, "SUBPARTITION "+quote(s))
			}
			line += " (" + strings.Join(subs, ", ") + ")"
		}
		lines = append(lines, line)
	}
	return by, strings.Join(lines, "\n")
}

// partitionValues spells a partition's bounds from its description.
func partitionValues(method, desc string) string {
	switch {
	case strings.HasPrefix(method, "RANGE") && desc == "MAXVALUE":
		return " VALUES LESS THAN MAXVALUE"
	case strings.HasPrefix(method, "RANGE"):
		return " VALUES LESS THAN (" + desc + ")"
	case strings.HasPrefix(method, "LIST"):
		return " VALUES IN (" + desc + ")"
	}
	return ""
}
