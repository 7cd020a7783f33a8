-- retort:revision f00000000001
-- retort:message accounts and users

-- +upgrade
CREATE TABLE accounts (id INT NOT NULL PRIMARY KEY, balance BIGINT NOT NULL) ENGINE=InnoDB;
CREATE TABLE users (id INT NOT NULL PRIMARY KEY, email VARCHAR(100) NOT NULL) ENGINE=InnoDB;
INSERT INTO accounts (id, balance) WITH RECURSIVE s (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < 1000) SELECT i, i FROM s;
INSERT INTO users (id, email) WITH RECURSIVE s (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < 100) SELECT i, CONCAT('user', i, '@example.com') FROM s;

-- +downgrade
DROP TABLE users;
DROP TABLE accounts;
