-- retort:revision e00000000002
-- retort:parents e00000000001
-- retort:message scale balances, then index them (stepwise)

-- +upgrade
UPDATE accounts SET balance = balance * 100;
CREATE INDEX CONCURRENTLY accounts_balance_idx ON accounts (balance);

-- +downgrade
DROP INDEX CONCURRENTLY accounts_balance_idx;
UPDATE accounts SET balance = balance / 100;
