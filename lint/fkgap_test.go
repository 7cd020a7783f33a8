package lint

import (
	"fmt"
	"strings"
	"testing"

	"github.com/retortdb/retort/dialect"
)

func TestFKGaps(t *testing.T) {
	tests := []struct {
		name   string
		traits dialect.Capabilities
		sql    []string
		want   string // "table lines" of each finding
	}{
		{"drop and add in separate statements", mysqlTraits, []string{
			"ALTER TABLE `notes` DROP FOREIGN KEY `notes_fk`",
			"ALTER TABLE `users` MODIFY COLUMN `id` bigint NOT NULL",
			"ALTER TABLE `notes` ADD CONSTRAINT `notes_fk` FOREIGN KEY (`author_id`) REFERENCES `users` (`id`)"}, "notes 10-12"},
		{"one ALTER, swapped through a temporary name", mysqlTraits, []string{
			"ALTER TABLE `notes` DROP FOREIGN KEY `notes_fk`, ADD CONSTRAINT `notes_fk__retort_swap` FOREIGN KEY (`a`) REFERENCES `users` (`id`)",
			"SET STATEMENT foreign_key_checks=0 FOR ALTER TABLE `notes` DROP FOREIGN KEY `notes_fk__retort_swap`, ADD CONSTRAINT `notes_fk` FOREIGN KEY (`a`) REFERENCES `users` (`id`), ALGORITHM=NOCOPY, LOCK=NONE"}, ""},
		{"a key dropped for good", mysqlTraits, []string{"ALTER TABLE notes DROP FOREIGN KEY notes_fk", "ALTER TABLE tags ADD CONSTRAINT f FOREIGN KEY (a) REFERENCES notes (id)"}, ""},
		{"the table dropped in between", mysqlTraits, []string{"ALTER TABLE notes DROP FOREIGN KEY f", "DROP TABLE notes", "CREATE TABLE notes (a int)", "ALTER TABLE notes ADD FOREIGN KEY (a) REFERENCES users (id)"}, ""},
		{"transactional DDL has no gap", dialect.Capabilities{TransactionalDDL: true}, []string{
			"ALTER TABLE notes DROP CONSTRAINT f", "ALTER TABLE notes DROP FOREIGN KEY f", "ALTER TABLE users ALTER COLUMN id TYPE bigint",
			"ALTER TABLE notes ADD CONSTRAINT f FOREIGN KEY (a) REFERENCES users (id)"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, f := range FKGaps(Input{Capabilities: tt.traits, Pending: []Revision{{File: "a.sql", Upgrade: stmts(tt.sql...)}}}) {
				var from int
				fmt.Sscanf(f.Message[strings.Index(f.Message, "from line ")+len("from line "):], "%d", &from)
				got = append(got, fmt.Sprintf("%s %d-%d", f.Table, from, f.Line))
			}
			if strings.Join(got, ",") != tt.want {
				t.Errorf("findings %q, want %q", got, tt.want)
			}
		})
	}
}
