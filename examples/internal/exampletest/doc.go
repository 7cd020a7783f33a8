// Package exampletest runs an example module's README the way a reader
// would: in a copy of the example, with this repository's retort, on
// SQLite, PostgreSQL and MariaDB, then the braindump story (the model's
// foreign key gains ON DELETE CASCADE). It is its own module so that the
// examples, each its own module too, share it through a replace
// directive without depending on the core module.
//
// The test that calls it links a SQLite driver registered as "sqlite"
// (the one its example already uses), so that a driver is not linked
// twice.
package exampletest
