-- retort:revision b00000000003
-- retort:parents b00000000002
-- retort:message cascade notes

-- +upgrade
ALTER TABLE notes DROP FOREIGN KEY notes_author_id_fkey;
ALTER TABLE notes ADD CONSTRAINT notes_author_id_fkey FOREIGN KEY (author_id) REFERENCES users (id) ON DELETE CASCADE;

-- +downgrade
ALTER TABLE notes DROP FOREIGN KEY notes_author_id_fkey;
ALTER TABLE notes ADD CONSTRAINT notes_author_id_fkey FOREIGN KEY (author_id) REFERENCES users (id);
