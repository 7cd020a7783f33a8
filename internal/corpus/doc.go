// Package corpus holds only tests: TestCorpus runs every case under
// testdata/cases/<dialect>/ (see docs/cases.md) against the real
// databases, comparing catalogs, not retort's own reflection.
package corpus
