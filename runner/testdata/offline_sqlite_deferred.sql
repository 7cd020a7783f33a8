-- retort upgrade to head from base (sqlite)

CREATE TABLE IF NOT EXISTS retort_version (revision TEXT NOT NULL PRIMARY KEY);
CREATE TABLE IF NOT EXISTS retort_history (id INTEGER PRIMARY KEY AUTOINCREMENT, revision TEXT NOT NULL, direction TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL, duration_ms INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS retort_progress (revision TEXT NOT NULL PRIMARY KEY, direction TEXT NOT NULL, checksum TEXT NOT NULL, statements_done INTEGER NOT NULL, in_flight INTEGER, before_schema TEXT, done_checksum TEXT, pending TEXT);

-- f1: blocker
BEGIN IMMEDIATE;
CREATE TABLE blocker (id INTEGER PRIMARY KEY);
DELETE FROM retort_version;
INSERT INTO retort_version (revision) VALUES ('f1');
INSERT INTO retort_history (revision, direction, checksum, applied_at, duration_ms) VALUES ('f1', 'up', '887a9106e07721345abfd919bcb662816ec5ca17887506aaf5ce6fc332800b32', '2026-11-24T19:00:00Z', 0);
COMMIT;

-- f2: needs a free id
BEGIN IMMEDIATE;
CREATE TABLE made (id INTEGER PRIMARY KEY);
INSERT INTO blocker (id) VALUES (1);
DELETE FROM retort_version;
INSERT INTO retort_version (revision) VALUES ('f2');
INSERT INTO retort_history (revision, direction, checksum, applied_at, duration_ms) VALUES ('f2', 'up', 'd0997c213b4a922ac96c5e9fe09961cac0b923b712040529b33d211aa0ac5ee8', '2026-11-24T19:00:00Z', 0);
COMMIT;
BEGIN IMMEDIATE;
INSERT INTO made (id) VALUES (7);
COMMIT;
