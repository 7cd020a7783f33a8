package mysql

import (
	"slices"
	"strings"

	"github.com/retortdb/retort/op"
)

// partitionClause is the PARTITION BY clause of table options, "" for a
// table that is not partitioned.
func partitionClause(opts map[string]string) string {
	by := opts[optPartitionBy]
	if by == "" {
		return ""
	}
	s := "PARTITION BY " + by
	if parts := opts[optPartitions]; parts != "" {
		s += " (" + strings.Join(strings.Split(parts, "\n"), ", ") + ")"
	}
	return s
}

// partitionName returns the name a partition definition line gives.
func partitionName(line string) string {
	rest := strings.TrimPrefix(line, "PARTITION ")
	if strings.HasPrefix(rest, "`") {
		for i := 1; i < len(rest); i++ {
			if rest[i] == '`' {
				if i+1 < len(rest) && rest[i+1] == '`' {
					i++
					continue
				}
				return rest[:i+1]
			}
		}
	}
	name, _, _ := strings.Cut(rest, " ")
	return name
}

// partitionChange renders a change of partitioning: REMOVE PARTITIONING,
// a new PARTITION BY (the server moves every row), or, when the method and
// expression stay and partitions are only dropped or added (RANGE: at the
// end), DROP PARTITION (which deletes the partition's rows) and ADD
// PARTITION.
func partitionChange(t op.Ref, from, to map[string]string) ([]string, error) {
	alter := "ALTER TABLE " + tableName(t) + " "
	switch {
	case to[optPartitionBy] == "":
		return []string{alter + "REMOVE PARTITIONING"}, nil
	case from[optPartitionBy] != to[optPartitionBy] || from[optPartitions] == "" || to[optPartitions] == "":
		return []string{alter + partitionClause(to)}, nil
	}
	old, want := strings.Split(from[optPartitions], "\n"), strings.Split(to[optPartitions], "\n")
	oldByName := map[string]string{}
	for _, l := range old {
		oldByName[partitionName(l)] = l
	}
	wantNames := map[string]bool{}
	var kept, added []string
	for _, l := range want {
		n := partitionName(l)
		wantNames[n] = true
		switch prev, ok := oldByName[n]; {
		case !ok:
			added = append(added, l)
		case prev != l:
			// Same name, other bounds: only a repartition keeps the rows.
			return []string{alter + partitionClause(to)}, nil
		default:
			if len(added) > 0 && strings.HasPrefix(to[optPartitionBy], "RANGE") {
				return []string{alter + partitionClause(to)}, nil // ranges only grow at the end
			}
			kept = append(kept, l)
		}
	}
	var dropped []string
	for _, l := range old {
		if n := partitionName(l); !wantNames[n] {
			dropped = append(dropped, n)
		}
	}
	// The kept partitions must stay in their order.
	var oldKept []string
	for _, l := range old {
		if wantNames[partitionName(l)] {
			oldKept = append(oldKept, l)
		}
	}
	if !slices.Equal(kept, oldKept) || len(kept) == 0 {
		return []string{alter + partitionClause(to)}, nil
	}
	var out []string
	if len(dropped) > 0 {
		out = append(out, alter+"DROP PARTITION "+strings.Join(dropped, ", "))
	}
	if len(added) > 0 {
		out = append(out, alter+"ADD PARTITION ("+strings.Join(added, ", ")+")")
	}
	return out, nil
}
