-- retort:revision b00000000001
-- retort:message tables

-- +upgrade
CREATE TABLE users (id INT PRIMARY KEY, email VARCHAR(100) NOT NULL, score INT NOT NULL DEFAULT 0, CONSTRAINT users_email_key UNIQUE (email));
CREATE TABLE notes (id INT PRIMARY KEY, author_id INT NOT NULL, body VARCHAR(200) NOT NULL, CONSTRAINT notes_author_id_fkey FOREIGN KEY (author_id) REFERENCES users (id));
CREATE TABLE comments (id INT PRIMARY KEY, note_id INT NOT NULL, body VARCHAR(200) NOT NULL, CONSTRAINT comments_note_id_fkey FOREIGN KEY (note_id) REFERENCES notes (id) ON DELETE CASCADE);

-- +downgrade
DROP TABLE comments;
DROP TABLE notes;
DROP TABLE users;
