-- retort downgrade to a1 from a3 (sqlite)

CREATE TABLE IF NOT EXISTS retort_version (revision TEXT NOT NULL PRIMARY KEY);
CREATE TABLE IF NOT EXISTS retort_history (id INTEGER PRIMARY KEY AUTOINCREMENT, revision TEXT NOT NULL, direction TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL, duration_ms INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS retort_progress (revision TEXT NOT NULL PRIMARY KEY, direction TEXT NOT NULL, checksum TEXT NOT NULL, statements_done INTEGER NOT NULL, in_flight INTEGER, before_schema TEXT, done_checksum TEXT, pending TEXT);

-- a3: cascade notes on user delete
BEGIN IMMEDIATE;
SELECT 1;
DELETE FROM retort_version;
INSERT INTO retort_version (revision) VALUES ('a2');
INSERT INTO retort_history (revision, direction, checksum, applied_at, duration_ms) VALUES ('a3', 'down', 'e5fffb0284c8d8a186a4feb2b6c8f9527673e815fcd1ae017b05a85901479912', '2026-11-24T19:00:00Z', 0);
COMMIT;

-- a2: create notes
BEGIN IMMEDIATE;
DROP TABLE notes;
DELETE FROM retort_version;
INSERT INTO retort_version (revision) VALUES ('a1');
INSERT INTO retort_history (revision, direction, checksum, applied_at, duration_ms) VALUES ('a2', 'down', 'f302b23c84467832c296253b2186ccd6a065bb2a614417f26a259885c25ba744', '2026-11-24T19:00:00Z', 0);
COMMIT;
