SET LOCAL lock_timeout = '5s';

ALTER TABLE notes DROP CONSTRAINT notes_author_id_fkey;

ALTER TABLE notes ADD CONSTRAINT notes_author_id_fkey FOREIGN KEY (author_id) REFERENCES users (id) ON DELETE SET NULL ON UPDATE RESTRICT;
