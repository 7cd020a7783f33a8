package mysql

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/retortdb/retort/schema"
)

// sequenceOptions puts each MariaDB sequence's options in its definition.
// MariaDB before 11.5 has no catalog view of them; a sequence reads as a
// one-row table of them, so one UNION ALL over all the sequences reads
// them in a single query (the next value left out: it moves with use).
func (r *reflector) sequenceOptions(ctx context.Context, objs []schema.Object, sequences map[string]int) error {
	names := make([]string, 0, len(sequences))
	for n := range sequences {
		names = append(names, n)
	}
	sort.Strings(names)
	var parts []string
	for i, n := range names {
		parts = append(parts, fmt.Sprintf("SELECT %d, CONCAT('START ', start_value, ' INCREMENT ', increment, ' MINVALUE ', minimum_value, "+
			"' MAXVALUE ', maximum_value, ' CACHE ', cache_size, IF(cycle_option, ' CYCLE', '')) FROM %s.%s", i, quote(r.db), quote(n)))
	}
	rows, err := r.q.QueryContext(ctx, strings.Join(parts, "\nUNION ALL\n"))
	if err != nil {
		return fmt.Errorf("reflect sequence options of database %s: %w", r.db, err)
	}
	defer rows.Close()
	for rows.Next() {
		var i int
		var def string
		if err := rows.Scan(&i, &def); err != nil {
			return fmt.Errorf("reflect sequence options of database %s: %w", r.db, err)
		}
		objs[sequences[names[i]]].Definition = def
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("reflect sequence options of database %s: %w", r.db, err)
	}
	return nil
}
