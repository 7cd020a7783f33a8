-- retort:revision c00000000002
-- retort:parents c00000000001
-- retort:message seed data

-- +upgrade
INSERT INTO users (id, email, score) SELECT i, 'user' || i || '@example.com', i % 100 FROM generate_series(1, 5000) AS i;
INSERT INTO notes (id, author_id, body) SELECT i, (i % 5000) + 1, 'note ' || i FROM generate_series(1, 30000) AS i;
INSERT INTO comments (id, note_id, body) SELECT i, (i % 30000) + 1, 'comment ' || i FROM generate_series(1, 20000) AS i;

-- +downgrade
DELETE FROM comments;
DELETE FROM notes;
DELETE FROM users;
