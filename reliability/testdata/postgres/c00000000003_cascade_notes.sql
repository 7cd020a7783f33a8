-- retort:revision c00000000003
-- retort:parents c00000000002
-- retort:message cascade notes

-- +upgrade
ALTER TABLE notes DROP CONSTRAINT notes_author_id_fkey;
ALTER TABLE notes ADD CONSTRAINT notes_author_id_fkey FOREIGN KEY (author_id) REFERENCES users (id) ON DELETE CASCADE;

-- +downgrade
ALTER TABLE notes DROP CONSTRAINT notes_author_id_fkey;
ALTER TABLE notes ADD CONSTRAINT notes_author_id_fkey FOREIGN KEY (author_id) REFERENCES users (id);
