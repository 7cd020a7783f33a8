ALTER TABLE users ALTER COLUMN id DROP DEFAULT;

ALTER TABLE users ALTER COLUMN id TYPE bigint;

ALTER TABLE notes ALTER COLUMN id SET GENERATED ALWAYS;

ALTER TABLE notes ALTER COLUMN n SET NOT NULL;

CREATE SEQUENCE IF NOT EXISTS notes_n_seq AS integer OWNED BY notes.n;

SELECT setval('notes_n_seq', GREATEST((SELECT COALESCE(max(n), 0) + 1 FROM notes), nextval('notes_n_seq')), false);

ALTER TABLE notes ALTER COLUMN n SET DEFAULT nextval('notes_n_seq'::regclass);
