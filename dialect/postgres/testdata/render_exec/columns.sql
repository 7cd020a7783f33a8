ALTER TABLE notes ADD COLUMN at timestamp with time zone NOT NULL DEFAULT now();

COMMENT ON COLUMN notes.at IS 'when';

ALTER TABLE notes ALTER COLUMN body TYPE character varying(100);

ALTER TABLE notes ALTER COLUMN body SET NOT NULL;

ALTER TABLE notes ALTER COLUMN body SET DEFAULT ''::character varying;

ALTER TABLE notes ALTER COLUMN code DROP DEFAULT;

ALTER TABLE notes ALTER COLUMN code TYPE integer USING code::integer;

ALTER TABLE notes ALTER COLUMN code SET DEFAULT 7;

ALTER TABLE notes ALTER COLUMN n SET NOT NULL;

ALTER TABLE notes ALTER COLUMN n ADD GENERATED ALWAYS AS IDENTITY;

SELECT setval(pg_get_serial_sequence('notes', 'n'), GREATEST((SELECT COALESCE(max(n), 0) + 1 FROM notes), nextval(pg_get_serial_sequence('notes', 'n'))), false);

ALTER TABLE notes RENAME COLUMN at TO "At";

ALTER TABLE notes DROP COLUMN m;

COMMENT ON TABLE notes IS 'user''s notes';
