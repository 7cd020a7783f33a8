ALTER TABLE notes RENAME TO "Notes";

CREATE VIEW audit.v AS SELECT id, email FROM users WHERE id > 0;

DROP VIEW audit.v;

CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;

CREATE TRIGGER users_touch BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION touch();

DROP TRIGGER users_touch ON users;

ALTER TYPE mood ADD VALUE 'meh' BEFORE 'sad';

ALTER TYPE mood ADD VALUE 'happy' AFTER 'ok';

DROP TABLE audit."Log";
