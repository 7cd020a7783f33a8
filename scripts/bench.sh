#!/usr/bin/env bash
# Reproduces every figure in BENCHMARKS.md. Needs the local PostgreSQL and
# MariaDB for their rows (scripts/services.sh starts them).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/services.sh
echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(go version)"
echo "== SQLite: reflection, diff, no-change check (500 and 2000 tables)"
go test -run '^$' -bench 'Reflect(500|2000)$' -benchtime 10x -count 5 ./dialect/sqlite/
go test -run '^$' -bench 'NoChange' -benchtime 5x -count 3 .
go test -run '^$' -bench 'Schemas500' -count 3 ./diff/
echo "== Desired-schema cache: cached SQLite check vs the sqlite3 CLI floor, cache hit before/after"
go test -run '^$' -bench 'CachedCheckSQLite|DesiredCacheHit' -benchtime 10x -count 3 -benchmem .
echo "== Cached check as a process vs pg_dump -s (PostgreSQL) and six information_schema queries (MariaDB)"
go test -run '^$' -bench 'CachedCheck(Postgres|MySQL)' -benchtime 10x -count 3 .
echo "== SQLite: 1,000,000-row rebuild through retort vs a plain loop"
RETORT_BENCH_BIG=1 go test -run '^$' -bench 'Rebuild1M' -benchtime 3x .
echo "== MySQL/MariaDB: reflection of 500 tables"
go test -run '^$' -bench 'Reflect500' -benchtime 10x -count 3 ./dialect/mysql/
echo "== PostgreSQL: reflection of 500 tables, FK swap lock time"
go test -run '^$' -bench . -benchtime 5x -count 3 ./dialect/postgres/
RETORT_BENCH_BIG=1 go test -count=1 -run 'FKSwapBig' -v ./dialect/postgres/ | grep -vE '^(=== |--- |PASS|ok)'
echo "== PostgreSQL: uncached 500-table check vs createdb + psql -1 -f + reflection; 5000 tables at default lock settings"
go test -run '^$' -bench 'UncachedCheckPostgres' -benchtime 2x .
RETORT_BENCH_BIG=1 go test -count=1 -timeout 30m -run 'LoadDesired5000Tables' -v ./dialect/postgres/ | grep -vE '^(=== |PASS|ok)'
echo "== SQLite with the cgo driver (mattn/go-sqlite3): the same checks"
go test -tags "retort_cgo_sqlite sqlite_fts5" -run '^$' -bench 'NoChangeSQLite/./tables=500$' -benchtime 5x -count 2 .
RETORT_BENCH_BIG=1 go test -tags "retort_cgo_sqlite sqlite_fts5" -run '^$' -bench 'Rebuild1M' -benchtime 3x .
