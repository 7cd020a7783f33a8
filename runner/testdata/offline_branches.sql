-- retort upgrade to heads from b1 (sqlite)

CREATE TABLE IF NOT EXISTS retort_version (revision TEXT NOT NULL PRIMARY KEY);
CREATE TABLE IF NOT EXISTS retort_history (id INTEGER PRIMARY KEY AUTOINCREMENT, revision TEXT NOT NULL, direction TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL, duration_ms INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS retort_progress (revision TEXT NOT NULL PRIMARY KEY, direction TEXT NOT NULL, checksum TEXT NOT NULL, statements_done INTEGER NOT NULL, in_flight INTEGER, before_schema TEXT, done_checksum TEXT, pending TEXT);

-- c1: branch c
BEGIN IMMEDIATE;
CREATE TABLE tc (id INTEGER PRIMARY KEY);
DELETE FROM retort_version;
INSERT INTO retort_version (revision) VALUES ('b1');
INSERT INTO retort_version (revision) VALUES ('c1');
INSERT INTO retort_history (revision, direction, checksum, applied_at, duration_ms) VALUES ('c1', 'up', 'd9726db18a3fd70aedb74f92276fb269b0bdeb85716aa05bb826298bd7fb62ba', '2026-11-24T19:00:00Z', 0);
COMMIT;

-- m1: merge
BEGIN IMMEDIATE;
DELETE FROM retort_version;
INSERT INTO retort_version (revision) VALUES ('m1');
INSERT INTO retort_history (revision, direction, checksum, applied_at, duration_ms) VALUES ('m1', 'up', '390feabc786e369e55b904251d643b52b52b691c60eb74a498ef7c6df993bf12', '2026-11-24T19:00:00Z', 0);
COMMIT;
