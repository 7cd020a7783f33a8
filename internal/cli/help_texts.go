package cli

import "github.com/spf13/cobra"

// Key and variable sets shared by several commands.
var (
	urlEnv     = []string{"RETORT_URL", "DATABASE_URL"}
	desiredEnv = []string{"RETORT_URL", "DATABASE_URL", "RETORT_NO_CACHE", "XDG_CACHE_HOME"}
	dbKeys     = append([]string{"url"}, projectKeys...)
	desireKeys = append(append([]string{}, dbKeys...), "schema", "dev_url", "naming", "plain_foreign_keys")
	lockKeys   = append(append([]string{}, dbKeys...), "lock_timeout", "naming", "plain_foreign_keys")
)

// helps is each command's --help, by command name.
var helps = map[string]help{
	"init": {
		long: `Writes an example retort.toml (url, dir, schema, dev_url), a schema.sql with
two tables and an empty migrations/ into DIR (default the current
directory). Existing files are never overwritten. --dialect takes sqlite,
postgres or mysql, or postgresql, pg, mariadb, sqlite3.`,
		examples: []string{
			"retort init                     # SQLite, in the current directory",
			"retort init --dialect pg app    # PostgreSQL, in ./app",
			"retort init --dialect mariadb   # MySQL/MariaDB",
		},
	},
	"revision": {
		long: `Writes a revision file into the revision directory and prints its path. The
new revision's parent is the head (--head picks one when there are
several; --head base starts an independent branch). Without
--autogenerate the file is a template to fill in; with it, the file holds
the upgrade and downgrade that take the database (which must be at head)
to the desired schema, and nothing is written when nothing differs.`,
		examples: []string{
			`retort revision -m "add invoices"                       # a template to fill in`,
			`retort revision -m "cascade notes" --autogenerate       # the diff to schema.sql`,
			`retort revision -m "full names" --autogenerate --rename users.name=full_name`,
			`retort revision -m "on branch" --head 2d4e --depends-on ae40`,
			`retort revision -m "portable" --autogenerate --format go`,
		},
		target: true,
		exit1:  "--autogenerate: the database is not at head, or a likely rename needs --rename/--no-rename",
		keys:   desireKeys,
		env:    desiredEnv,
	},
	"upgrade": {
		long: `Applies the pending revisions up to TARGET (default head), each in its
transaction(s), and records each as applied, with its checksum and duration.
With --sql nothing runs: the SQL is printed for review instead.`,
		examples: []string{
			"retort upgrade                              # to the head",
			"retort upgrade +1                           # one revision",
			"retort upgrade 2d4e                         # to a revision, by prefix",
			"retort upgrade heads                        # every branch",
			"retort upgrade --sql base:head > up.sql     # SQL only, no database touched",
		},
		target: true,
		keys:   lockKeys,
		env:    urlEnv,
	},
	"downgrade": {
		long: `Reverts the applied revisions above TARGET, newest first, running their
downgrade sections. With --sql nothing runs: the SQL is printed instead.`,
		examples: []string{
			"retort downgrade -1                                  # the last revision",
			"retort downgrade base                                # everything",
			"retort downgrade 2d4e                                # down to (keeping) 2d4e",
			"retort downgrade --sql 4381f6bc446b:ea86 > down.sql  # SQL only, no database touched",
		},
		target: true,
		keys:   lockKeys,
		env:    urlEnv,
	},
	"stamp": {
		long: `Records TARGET as the database's revision without running any SQL: for a
database that already has the tables of its first revisions.`,
		examples: []string{
			"retort stamp head     # the database already matches every revision",
			"retort stamp 2d4e     # it matches 2d4e and its ancestors",
			"retort stamp base     # forget every applied revision",
		},
		target: true,
		keys:   lockKeys,
		env:    urlEnv,
	},
	"current": {
		long: `Prints the applied head revision(s) on stdout, marking heads and revisions
missing from the revision directory; an unfinished run is reported on
stderr. A database with nothing applied prints only a note on stderr.`,
		examples: []string{"retort current", "retort --url postgres://db.example/app current"},
		keys:     dbKeys,
		env:      urlEnv,
	},
	"history": {
		long: `Lists the revisions of the revision directory, newest first, marking heads,
merges, branch points and (when a database URL is set) the current one.`,
		examples: []string{"retort history", "retort history --offline   # no connection", "retort history -v          # with files and dates"},
		keys:     dbKeys,
		env:      urlEnv,
	},
	"heads": {
		long:     `Lists the head revisions of the revision directory; no database is needed.`,
		examples: []string{"retort heads"},
		keys:     dbKeys,
		env:      urlEnv,
	},
	"merge": {
		long: `Writes a merge revision whose parents are the revisions REV... name (ids,
prefixes or "heads"), joining branches again. A merge may stay empty.`,
		examples: []string{`retort merge -m "join branches" heads`, `retort merge -m "join" 2d4e ae40`},
		target:   true,
		keys:     dbKeys,
		env:      urlEnv,
	},
	"check": {
		long: `Compares the database with the revisions and the desired schema: it must be
at head, with no revision edited after it was applied, no unfinished run,
and no difference from the schema files. For CI.`,
		examples: []string{"retort check", "retort check && echo in sync"},
		exit1:    "the database is not at head, or differs from the desired schema (the differences are printed)",
		keys:     desireKeys,
		env:      desiredEnv,
	},
	"diff": {
		long: `Prints, without writing a revision, the SQL that would take the database to
the desired schema (the schema files of the config). A likely rename needs a
decision, as for revision --autogenerate; objects retort does not manage that
differ are listed after the SQL.`,
		examples: []string{"retort diff", "retort diff > pending.sql", "retort diff --rename users.name=full_name"},
		exit1:    "a likely rename is undecided, or objects retort does not manage differ (they are listed)",
		keys:     desireKeys,
		env:      desiredEnv,
	},
	"inspect": {
		long:     `Prints the database's schema as retort reflects it: CREATE statements, or JSON.`,
		examples: []string{"retort inspect", "retort inspect --format json"},
		keys:     dbKeys,
		env:      urlEnv,
	},
	"graph": {
		long: `Draws the tables and foreign keys with their ON DELETE / ON UPDATE
actions (Mermaid, Graphviz dot, or SVG through Graphviz), or with
--cascade-from lists what a DELETE on a table reaches.`,
		examples: []string{
			"retort graph > schema.mmd",
			"retort graph --format svg > schema.svg",
			"retort graph --cascade-from users",
			"retort graph --desired --format dot",
		},
		keys: desireKeys,
		env:  desiredEnv,
	},
	"lint": {
		long: `Checks the pending revisions against the database for hazards: foreign keys
without an index, drops without "-- retort:allow destructive", PostgreSQL
lock hazards, SQLite rebuilds that would cascade-delete. With GORM, ent
or bun models as the desired schema it also compares each relation of the
models with the database as the pending revisions leave it (orm-intent):
a foreign key whose ON DELETE/ON UPDATE differs or that is missing is an
error, a relation without any foreign key a warning. Plain SQL schema
files are not loaded. Warnings and errors are printed; errors make it
exit 1.`,
		examples: []string{"retort lint", "retort lint --big-table 1000000"},
		exit1:    "a finding is an error",
		keys:     desireKeys,
		env:      desiredEnv,
	},
	"version": {
		long: `Prints retort's version, the VCS revision it was built from, the Go version
and the SQLite library version built in. --version on retort itself prints
the same.`,
		examples: []string{"retort version", "retort --version"},
	},
	"resolve": {
		examples: []string{
			"retort resolve 2d4e --skip-statement 3",
			"retort resolve 2d4e --retry",
			"retort resolve 2d4e --forget",
		},
		keys: lockKeys,
		env:  urlEnv,
	},
}

// rootHelp is the --help of retort itself.
var rootHelp = help{
	long: `retort is a CLI over versioned revision files (SQL or Go) with a revision
graph: upgrade, downgrade, stamp, history; autogenerate from a desired
schema; offline SQL; drift checks and lint. "retort COMMAND --help" shows
each command's examples, the config keys and variables it reads.`,
	examples: []string{
		"retort init && retort revision -m init --autogenerate && retort upgrade",
		"retort check                 # exit 0: at head and matching schema.sql",
		"source <(retort completion bash)",
	},
	target: true,
	exit1:  "a command's \"no\": check found differences, lint found an error, ...",
	keys:   desireKeys,
	env:    desiredEnv,
}

// teachAll fills the --help of root and of every command helps names.
func teachAll(root *cobra.Command) {
	teach(root, rootHelp)
	for _, c := range root.Commands() {
		if h, ok := helps[c.Name()]; ok {
			teach(c, h)
		}
	}
}
