package revision

import (
	"strings"
	"time"
)

// Format returns the text of a revision file: the header from r (ID,
// Parents, DependsOn, Message, Created), then the two sections.
// Parse(Format(...)) gives r back, with the SQL trimmed and Created in
// UTC. A line "-- +upgrade" or "-- +downgrade" inside the SQL cannot be
// represented and would be read as a marker.
func Format(r *Revision, upgradeSQL, downgradeSQL string) []byte {
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
