-- retort:revision e00000000001
-- retort:message accounts and notes

-- +upgrade
CREATE TABLE accounts (id integer PRIMARY KEY, balance bigint NOT NULL);
CREATE TABLE notes (id integer PRIMARY KEY, account_id integer NOT NULL, body text NOT NULL, CONSTRAINT notes_id_check CHECK (id > 0));
INSERT INTO accounts (id, balance) SELECT i, i FROM generate_series(1, 1000) AS i;
INSERT INTO notes (id, account_id, body) SELECT i, (i % 1000) + 1, 'note ' || i FROM generate_series(1, 2000) AS i;

-- +downgrade
DROP TABLE notes;
DROP TABLE accounts;
