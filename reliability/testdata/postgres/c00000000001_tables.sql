-- retort:revision c00000000001
-- retort:message tables

-- +upgrade
CREATE TABLE users (id integer PRIMARY KEY, email text NOT NULL CONSTRAINT users_email_key UNIQUE, score integer NOT NULL DEFAULT 0);
CREATE TABLE notes (id integer PRIMARY KEY, author_id integer NOT NULL CONSTRAINT notes_author_id_fkey REFERENCES users (id), body text NOT NULL);
CREATE INDEX notes_author_id_idx ON notes (author_id);
CREATE TABLE comments (id integer PRIMARY KEY, note_id integer NOT NULL CONSTRAINT comments_note_id_fkey REFERENCES notes (id) ON DELETE CASCADE, body text NOT NULL);

-- +downgrade
DROP TABLE comments;
DROP TABLE notes;
DROP TABLE users;
