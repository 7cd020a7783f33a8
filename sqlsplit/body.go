package sqlsplit

// bodyState follows the keywords of one statement to tell whether a ';'
// is inside a routine body (CREATE TRIGGER/PROCEDURE/FUNCTION/EVENT ...
// BEGIN ... END, or MariaDB's BEGIN NOT ATOMIC ... END) and so does not
// end the statement. A plain BEGIN; or BEGIN TRANSACTION; opens no body.
type bodyState struct {
	words      int
	first      string
	kind       string // first object kind keyword after CREATE
	depth      int    // open BEGIN/CASE blocks inside the body
	line       int    // where the outermost BEGIN is
	pendingEnd bool   // saw END; the next token tells which block it closes
}

// objectKinds are the words that name what a CREATE (or ALTER: MySQL's
// ALTER EVENT takes a body) statement is about; the first one seen
// decides (so "CREATE TABLE function" is a table).
var objectKinds = map[string]bool{
	"TABLE": true, "INDEX": true, "VIEW": true, "SEQUENCE": true,
	"SCHEMA": true, "DATABASE": true, "TYPE": true, "DOMAIN": true,
	"EXTENSION": true, "ROLE": true, "USER": true, "POLICY": true,
	"RULE": true, "TRIGGER": true, "PROCEDURE": true, "FUNCTION": true,
	"EVENT": true, "SERVER": true, "COLLATION": true, "STATISTICS": true,
}

var routineKinds = map[string]bool{
	"TRIGGER": true, "PROCEDURE": true, "FUNCTION": true, "EVENT": true,
}

// word feeds one upper-cased keyword or identifier at the given line.
func (b *bodyState) word(u string, line int) {
	if b.pendingEnd {
		b.pendingEnd = false
		switch u {
		case "IF", "LOOP", "WHILE", "REPEAT", "FOR":
			// END IF etc. close blocks that were never counted.
			return
		case "CASE":
			// END CASE closes a counted CASE statement.
			b.depth--
			return
		}
		b.depth--
	}
	b.words++
	switch b.words {
	case 1:
		b.first = u
	case 2:
		if b.first == "BEGIN" && u == "NOT" {
			b.depth, b.line = 1, line
			return
		}
	}
	if (b.first == "CREATE" || b.first == "ALTER") && b.kind == "" && objectKinds[u] {
		b.kind = u
	}
	if b.depth > 0 {
		switch u {
		case "BEGIN", "CASE":
			b.depth++
		case "END":
			b.pendingEnd = true
		}
		return
	}
	if u == "BEGIN" && routineKinds[b.kind] {
		b.depth, b.line = 1, line
	}
}

// punct feeds any token that is not a word; it settles a pending END.
func (b *bodyState) punct() {
	if b.pendingEnd {
		b.pendingEnd = false
		b.depth--
	}
}
