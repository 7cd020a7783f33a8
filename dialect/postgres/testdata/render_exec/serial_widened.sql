ALTER TABLE users ALTER COLUMN id TYPE bigint;

DO $retort$BEGIN EXECUTE format('ALTER SEQUENCE %s AS bigint', pg_get_serial_sequence('users', 'id')); END$retort$;
