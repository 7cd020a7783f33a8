package mysql

// Example gives the URL and starter schema `retort init --dialect mysql`
// writes.
func (Dialect) Example() (url, schemaSQL string) {
	return "mysql://root@127.0.0.1:3306/app", `-- Desired schema (MySQL/MariaDB). retort loads it into a scratch database
-- it creates and drops, then diffs it against the live one.

CREATE TABLE users (
  id    BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  email VARCHAR(255) NOT NULL UNIQUE
) ENGINE=InnoDB;
`
}
