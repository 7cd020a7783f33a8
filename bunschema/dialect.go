package bunschema

import (
	"fmt"
	"strings"

	"github.com/uptrace/bun/dialect/mysqldialect"
	"github.com/uptrace/bun/dialect/pgdialect"
	"github.com/uptrace/bun/dialect/sqlitedialect"
	"github.com/uptrace/bun/schema"
)

// target is one database bun renders for. version is what the recording
// connection answers to bun's "SELECT version()" (only bun's MySQL
// dialect asks, to tell MariaDB's features apart).
type target struct {
	dialect func() schema.Dialect
	version string
}

var targets = map[string]target{
	"sqlite":   {dialect: func() schema.Dialect { return sqlitedialect.New() }},
	"postgres": {dialect: func() schema.Dialect { return pgdialect.New() }},
	"mysql":    {dialect: func() schema.Dialect { return mysqldialect.New() }, version: "8.0.40"},
	"mariadb":  {dialect: func() schema.Dialect { return mysqldialect.New() }, version: "10.11.0-MariaDB"},
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
		return target{}, fmt.Errorf("bunschema: unknown dialect %q (want sqlite, postgres, mysql or mariadb)", name)
	}
	return t, nil
}
