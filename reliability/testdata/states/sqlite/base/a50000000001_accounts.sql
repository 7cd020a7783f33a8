-- retort:revision a50000000001
-- retort:message accounts

-- +upgrade
CREATE TABLE accounts (id INTEGER NOT NULL PRIMARY KEY, balance INTEGER NOT NULL);
INSERT INTO accounts (id, balance) WITH RECURSIVE s (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < 1000) SELECT i, i FROM s;

-- +downgrade
DROP TABLE accounts;
