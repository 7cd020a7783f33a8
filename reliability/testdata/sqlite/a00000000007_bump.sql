-- retort:revision a00000000007
-- retort:parents 73d436b70401
-- retort:message bump scores

-- +upgrade
UPDATE users SET score = score + 0.5;
INSERT INTO audit (id, note_id, what) SELECT id + 100000, id, 'bumped' FROM notes WHERE id % 7 = 0;

-- +downgrade
DELETE FROM audit WHERE id > 100000;
UPDATE users SET score = score - 0.5;
