-- retort:revision e00000000003
-- retort:parents e00000000002
-- retort:message scale balances and validate the notes FK

-- +upgrade
UPDATE accounts SET balance = balance * 100;
ALTER TABLE notes VALIDATE CONSTRAINT notes_account_fk;

-- +downgrade
UPDATE accounts SET balance = balance / 100;
