-- retort:revision e00000000002
-- retort:parents e00000000001
-- retort:message index balances, then scale them (stepwise, slow UPDATE)

-- +upgrade
CREATE INDEX CONCURRENTLY accounts_balance_idx ON accounts (balance);
UPDATE accounts SET balance = balance * 100 FROM (SELECT pg_sleep(2)) AS s;

-- +downgrade
UPDATE accounts SET balance = balance / 100;
DROP INDEX CONCURRENTLY accounts_balance_idx;
