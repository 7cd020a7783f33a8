package revfile

import (
	"strings"
	"time"

	"github.com/retortdb/retort/revision"
)

// Format returns the text of a revision file: the header from r (ID,
// Parents, DependsOn, Message, Created, Allow), then the two sections.
// Parse(Format(...)) gives r back, with the SQL trimmed and Created in
// UTC. A line "-- +upgrade" or "-- +downgrade" inside the SQL cannot be
// represented and would be read as a marker.
func Format(r *revision.Revision, upgradeSQL, downgradeSQL string) []byte {
	var b strings.Builder
	b.WriteString("-- retort:revision " + r.ID + "\n")
	if len(r.Parents) > 0 {
		b.WriteString("-- retort:parents " + strings.Join(r.Parents, " ") + "\n")
	}
	if len(r.DependsOn) > 0 {
		b.WriteString("-- retort:depends-on " + strings.Join(r.DependsOn, " ") + "\n")
	}
	msg := strings.NewReplacer("\r\n", " ", "\n", " ").Replace(r.Message)
	if msg = strings.TrimSpace(msg); msg != "" {
		b.WriteString("-- retort:message " + msg + "\n")
	}
	if !r.Created.IsZero() {
		b.WriteString("-- retort:created " + r.Created.UTC().Format(time.RFC3339Nano) + "\n")
	}
	if len(r.Allow) > 0 {
		b.WriteString("-- retort:allow " + strings.Join(r.Allow, ", ") + "\n")
	}
	b.WriteString("\n-- +upgrade\n")
	if up := strings.TrimSpace(upgradeSQL); up != "" {
		b.WriteString(up + "\n")
	}
	b.WriteString("\n-- +downgrade\n")
	if down := strings.TrimSpace(downgradeSQL); down != "" {
		b.WriteString(down + "\n")
	}
	return []byte(b.String())
}

const maxSlug = 40

// FileName returns "<id>_<slug>.sql", the slug made of the message's
// lowercase letters and digits with '_' for runs of anything else, at
// most 40 characters; "<id>.sql" when the message gives no slug.
func FileName(id, message string) string {
	var b strings.Builder
	sep := false
	for _, r := range strings.ToLower(message) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if sep && b.Len() > 0 {
				b.WriteByte('_')
			}
			sep = false
			b.WriteRune(r)
			continue
		}
		sep = true
	}
	slug := b.String()
	if len(slug) > maxSlug {
		slug = strings.TrimRight(slug[:maxSlug], "_")
	}
	if slug == "" {
		return id + ".sql"
	}
	return id + "_" + slug + ".sql"
}
