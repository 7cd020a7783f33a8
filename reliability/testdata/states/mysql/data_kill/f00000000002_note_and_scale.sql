-- retort:revision f00000000002
-- retort:parents f00000000001
-- retort:message add a note column, scale balances (slow), index them

-- +upgrade
ALTER TABLE accounts ADD COLUMN note VARCHAR(20) NULL;
UPDATE accounts JOIN (SELECT SLEEP(1.5) AS z) AS s ON s.z = 0 SET accounts.balance = accounts.balance * 100;
CREATE INDEX accounts_balance_idx ON accounts (balance);

-- +downgrade
DROP INDEX accounts_balance_idx ON accounts;
UPDATE accounts SET balance = balance / 100;
ALTER TABLE accounts DROP COLUMN note;
