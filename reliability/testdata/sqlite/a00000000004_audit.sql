-- retort:revision a00000000004
-- retort:parents 2fee05d3a8cf
-- retort:message audit table

-- +upgrade
CREATE TABLE audit (id INTEGER PRIMARY KEY, note_id INTEGER NOT NULL REFERENCES notes (id) ON DELETE CASCADE, what TEXT NOT NULL);
INSERT INTO audit (id, note_id, what) SELECT id, id, 'created' FROM notes WHERE id % 3 = 0;

-- +downgrade
DROP TABLE audit;
