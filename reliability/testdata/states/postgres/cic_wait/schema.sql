CREATE TABLE accounts (id integer PRIMARY KEY, balance bigint NOT NULL);
CREATE INDEX accounts_balance_idx ON accounts (balance);
CREATE TABLE notes (id integer PRIMARY KEY, account_id integer NOT NULL, body text NOT NULL, CONSTRAINT notes_id_check CHECK (id > 0));
