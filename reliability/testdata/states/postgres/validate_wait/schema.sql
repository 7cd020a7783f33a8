CREATE TABLE accounts (id integer PRIMARY KEY, balance bigint NOT NULL);
CREATE TABLE notes (id integer PRIMARY KEY, account_id integer NOT NULL CONSTRAINT notes_account_fk REFERENCES accounts (id), body text NOT NULL, CONSTRAINT notes_id_check CHECK (id > 0));
