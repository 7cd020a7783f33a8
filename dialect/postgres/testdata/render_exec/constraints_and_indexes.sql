ALTER TABLE notes ADD CONSTRAINT notes_author_id_id_key UNIQUE (author_id, id);

ALTER TABLE users DROP CONSTRAINT users_email_key;

SET LOCAL lock_timeout = '5s';

ALTER TABLE notes DROP CONSTRAINT IF EXISTS notes_n;

ALTER TABLE notes ADD CONSTRAINT notes_n CHECK (n >= 0) NOT VALID;

ALTER TABLE notes DROP CONSTRAINT notes_id_check;

ALTER TABLE notes RENAME CONSTRAINT notes_n TO notes_n_positive;

DROP INDEX notes_body_idx;

CREATE INDEX "Log_user_id_idx" ON audit."Log" (user_id);

ALTER INDEX audit."Log_user_id_idx" RENAME TO log_user;

ALTER TABLE audit."Log" DROP CONSTRAINT "Log_pkey";

ALTER TABLE audit."Log" ADD CONSTRAINT log_pk PRIMARY KEY (id, user_id);

ALTER TABLE notes VALIDATE CONSTRAINT notes_n_positive;
