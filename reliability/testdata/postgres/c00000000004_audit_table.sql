-- retort:revision c00000000004
-- retort:parents c00000000003
-- retort:message audit table

-- +upgrade
CREATE TABLE audit (id integer PRIMARY KEY, note_id integer NOT NULL CONSTRAINT audit_note_id_fkey REFERENCES notes (id) ON DELETE CASCADE, what text NOT NULL);
INSERT INTO audit (id, note_id, what) SELECT id, id, 'created' FROM notes WHERE id % 3 = 0;

-- +downgrade
DROP TABLE audit;
