-- retort upgrade to head from base (sqlite)

CREATE TABLE IF NOT EXISTS retort_version (revision TEXT NOT NULL PRIMARY KEY);
CREATE TABLE IF NOT EXISTS retort_history (id INTEGER PRIMARY KEY AUTOINCREMENT, revision TEXT NOT NULL, direction TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL, duration_ms INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS retort_progress (revision TEXT NOT NULL PRIMARY KEY, direction TEXT NOT NULL, checksum TEXT NOT NULL, statements_done INTEGER NOT NULL, in_flight INTEGER, before_schema TEXT, done_checksum TEXT, pending TEXT);

-- a1: create users
BEGIN IMMEDIATE;
CREATE TABLE users (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL);
DELETE FROM retort_version;
INSERT INTO retort_version (revision) VALUES ('a1');
INSERT INTO retort_history (revision, direction, checksum, applied_at, duration_ms) VALUES ('a1', 'up', '1661a25cb52de9f9226dbbf80b3e5c7ae405f8a58529de27b5222c05b0b26515', '2026-11-24T19:00:00Z', 0);
COMMIT;

-- a2: create notes
BEGIN IMMEDIATE;
CREATE TABLE notes (id INTEGER PRIMARY KEY, author_id INTEGER NOT NULL,
  body VARCHAR(200),
  FOREIGN KEY (author_id) REFERENCES users (id));
DELETE FROM retort_version;
INSERT INTO retort_version (revision) VALUES ('a2');
INSERT INTO retort_history (revision, direction, checksum, applied_at, duration_ms) VALUES ('a2', 'up', 'f302b23c84467832c296253b2186ccd6a065bb2a614417f26a259885c25ba744', '2026-11-24T19:00:00Z', 0);
COMMIT;

-- a3: cascade notes on user delete
PRAGMA foreign_keys = OFF;
BEGIN IMMEDIATE;
CREATE TABLE notes_new (id INTEGER PRIMARY KEY, author_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE, body VARCHAR(200));
INSERT INTO notes_new SELECT id, author_id, body FROM notes;
DROP TABLE notes;
ALTER TABLE notes_new RENAME TO notes;
-- must return no rows:
PRAGMA foreign_key_check;
DELETE FROM retort_version;
INSERT INTO retort_version (revision) VALUES ('a3');
INSERT INTO retort_history (revision, direction, checksum, applied_at, duration_ms) VALUES ('a3', 'up', 'e5fffb0284c8d8a186a4feb2b6c8f9527673e815fcd1ae017b05a85901479912', '2026-11-24T19:00:00Z', 0);
COMMIT;
PRAGMA foreign_keys = ON;
