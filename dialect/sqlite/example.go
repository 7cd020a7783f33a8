package sqlite

// Example gives the URL and starter schema `retort init --dialect sqlite`
// writes.
func (Dialect) Example() (url, schemaSQL string) {
	return "sqlite://app.db", `-- Desired schema: edit it, then run
--   retort revision -m "what changed" --autogenerate
-- retort loads this file into a scratch SQLite database and diffs it
-- against the live one.

CREATE TABLE users (
  id    INTEGER PRIMARY KEY,
  email TEXT NOT NULL UNIQUE
);
`
}
