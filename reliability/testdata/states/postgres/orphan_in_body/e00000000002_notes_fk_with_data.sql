-- retort:revision e00000000002
-- retort:parents e00000000001
-- retort:message scale balances, import a note, reference accounts

-- +upgrade
UPDATE accounts SET balance = balance * 100;
ALTER TABLE notes DROP CONSTRAINT notes_id_check;
INSERT INTO notes (id, account_id, body) VALUES (9001, 424242, 'imported note of a deleted account');
ALTER TABLE notes ADD CONSTRAINT notes_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id) NOT VALID;
ALTER TABLE notes VALIDATE CONSTRAINT notes_account_fk;

-- +downgrade
ALTER TABLE notes DROP CONSTRAINT notes_account_fk;
DELETE FROM notes WHERE id = 9001;
ALTER TABLE notes ADD CONSTRAINT notes_id_check CHECK (id > 0);
UPDATE accounts SET balance = balance / 100;
