-- retort:revision e00000000002
-- retort:parents e00000000001
-- retort:message notes reference accounts instead of checking ids

-- +upgrade
ALTER TABLE notes DROP CONSTRAINT notes_id_check;
ALTER TABLE notes ADD CONSTRAINT notes_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id) NOT VALID;
ALTER TABLE notes VALIDATE CONSTRAINT notes_account_fk;

-- +downgrade
ALTER TABLE notes DROP CONSTRAINT notes_account_fk;
ALTER TABLE notes ADD CONSTRAINT notes_id_check CHECK (id > 0);
