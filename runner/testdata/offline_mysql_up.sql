-- retort upgrade to head from a1 (mysql)

CREATE TABLE IF NOT EXISTS retort_version (revision VARCHAR(64) NOT NULL PRIMARY KEY) ENGINE=InnoDB;
CREATE TABLE IF NOT EXISTS retort_history (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, revision VARCHAR(64) NOT NULL, direction VARCHAR(10) NOT NULL, checksum VARCHAR(64) NOT NULL, applied_at VARCHAR(40) NOT NULL, duration_ms BIGINT NOT NULL) ENGINE=InnoDB;
CREATE TABLE IF NOT EXISTS retort_progress (revision VARCHAR(64) NOT NULL PRIMARY KEY, direction VARCHAR(10) NOT NULL, checksum VARCHAR(64) NOT NULL, statements_done INT NOT NULL, in_flight INT NULL, before_schema VARCHAR(64) NULL, done_checksum VARCHAR(64) NULL, pending TEXT NULL) ENGINE=InnoDB;

-- a2: create notes
CREATE TABLE notes (id INTEGER PRIMARY KEY, author_id INTEGER NOT NULL,
  body VARCHAR(200),
  FOREIGN KEY (author_id) REFERENCES users (id));
BEGIN;
DELETE FROM retort_version;
INSERT INTO retort_version (revision) VALUES ('a2');
INSERT INTO retort_history (revision, direction, checksum, applied_at, duration_ms) VALUES ('a2', 'up', 'f302b23c84467832c296253b2186ccd6a065bb2a614417f26a259885c25ba744', '2026-11-24T19:00:00Z', 0);
COMMIT;

-- a3: add note titles
ALTER TABLE notes ADD COLUMN title VARCHAR(100);
BEGIN;
DELETE FROM retort_version;
INSERT INTO retort_version (revision) VALUES ('a3');
INSERT INTO retort_history (revision, direction, checksum, applied_at, duration_ms) VALUES ('a3', 'up', 'b42ee959414e2f870176dd624aebcada7989210f2aca0a741e63b59d69025643', '2026-11-24T19:00:00Z', 0);
COMMIT;
