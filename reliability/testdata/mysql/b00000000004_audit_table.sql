-- retort:revision b00000000004
-- retort:parents b00000000003
-- retort:message audit table

-- +upgrade
CREATE TABLE audit (id INT PRIMARY KEY, note_id INT NOT NULL, what VARCHAR(20) NOT NULL, CONSTRAINT audit_note_id_fkey FOREIGN KEY (note_id) REFERENCES notes (id) ON DELETE CASCADE);
INSERT INTO audit (id, note_id, what) SELECT id, id, 'created' FROM notes WHERE id % 3 = 0;

-- +downgrade
DROP TABLE audit;
