-- retort:revision e00000000002
-- retort:parents e00000000001
-- retort:message scale balances (transactional, slow UPDATE)

-- +upgrade
ALTER TABLE accounts ADD COLUMN note text;
UPDATE accounts SET balance = balance * 100 FROM (SELECT pg_sleep(2)) AS s;

-- +downgrade
UPDATE accounts SET balance = balance / 100;
ALTER TABLE accounts DROP COLUMN note;
