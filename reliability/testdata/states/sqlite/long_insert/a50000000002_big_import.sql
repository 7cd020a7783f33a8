-- retort:revision a50000000002
-- retort:parents a50000000001
-- retort:message import a big table (slow INSERT), scale balances

-- +upgrade
CREATE TABLE big (id INTEGER NOT NULL PRIMARY KEY, v INTEGER NOT NULL);
INSERT INTO big (id, v) WITH RECURSIVE s (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < 600000) SELECT i, i * 2 FROM s;
UPDATE accounts SET balance = balance * 100;

-- +downgrade
UPDATE accounts SET balance = balance / 100;
DROP TABLE big;
