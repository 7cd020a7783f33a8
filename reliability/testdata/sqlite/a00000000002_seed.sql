-- retort:revision a00000000002
-- retort:parents 1204f6a3921e
-- retort:message seed data

-- +upgrade
INSERT INTO users (id, email, score)
  WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000)
  SELECT i, 'user' || i || '@example.com', i % 100 FROM n;
INSERT INTO notes (id, author_id, body)
  WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 30000)
  SELECT i, (i % 5000) + 1, 'note ' || i FROM n;
INSERT INTO comments (id, note_id, body)
  WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)
  SELECT i, (i % 30000) + 1, 'comment ' || i FROM n;

-- +downgrade
DELETE FROM comments;
DELETE FROM notes;
DELETE FROM users;
