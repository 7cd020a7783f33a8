package entschema

import (
	"fmt"
	"strings"

	entdialect "entgo.io/ent/dialect"
)

// target is one database ent plans for: its ent driver name and the
// server version ent would read from a live connection.
type target struct {
	name    string
	ent     string
	version string
}

// The versions are those retort is tested on; ent only compares them
// against feature thresholds (CHECK, expression defaults, UUID type).
var targets = map[string]target{
	"sqlite":   {name: "sqlite", ent: entdialect.SQLite},
	"postgres": {name: "postgres", ent: entdialect.Postgres, version: "15.0.0"},
	"mysql":    {name: "mysql", ent: entdialect.MySQL, version: "8.0.40"},
	"mariadb":  {name: "mariadb", ent: entdialect.MySQL, version: "10.11.0-MariaDB"},
}

// aliases are retort's other spellings of the dialect names.
var aliases = map[string]string{
	"sqlite3":    "sqlite",
	"postgresql": "postgres",
	"pg":         "postgres",
}

func lookupDialect(name string) (target, error) {
	key := strings.ToLower(strings.TrimSpace(name))
	if canonical, ok := aliases[key]; ok {
		key = canonical
	}
	t, ok := targets[key]
	if !ok {
		return target{}, fmt.Errorf("entschema: unknown dialect %q (want sqlite, postgres, mysql or mariadb)", name)
	}
	return t, nil
}
