-- retort:revision e00000000002
-- retort:parents e00000000001
-- retort:message notes reference accounts (not validated yet)

-- +upgrade
ALTER TABLE notes ADD CONSTRAINT notes_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id) NOT VALID;

-- +downgrade
ALTER TABLE notes DROP CONSTRAINT notes_account_fk;
