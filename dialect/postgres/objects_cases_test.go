package postgres

import "testing"

var objCases = []objCase{
	{name: "extension with a trigram index",
		current: `CREATE TABLE u (id int PRIMARY KEY, name text NOT NULL);`,
		desired: `CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE TABLE u (id int PRIMARY KEY, name text NOT NULL);
CREATE INDEX u_name_trgm ON u USING gin (name gin_trgm_ops);`,
		want: []string{"CREATE EXTENSION pg_trgm", "CREATE INDEX u_name_trgm"}},
	{name: "standalone sequence created and owned",
		current: `CREATE TABLE o (id bigint PRIMARY KEY);`,
		desired: `CREATE SEQUENCE o_seq AS integer START 100 INCREMENT 5 MINVALUE 10 MAXVALUE 100000 CACHE 2 CYCLE;
CREATE TABLE o (id bigint PRIMARY KEY DEFAULT nextval('o_seq'), n integer);
ALTER SEQUENCE o_seq OWNED BY o.n;
COMMENT ON SEQUENCE o_seq IS 'order numbers';`,
		want: []string{"CREATE SEQUENCE o_seq AS integer INCREMENT BY 5", "ALTER TABLE o ALTER COLUMN id SET DEFAULT nextval('o_seq'::regclass)", "ALTER SEQUENCE o_seq OWNED BY public.o.n"}},
	{name: "sequence change keeps its value",
		current: `CREATE SEQUENCE s START 1; CREATE TABLE t (id bigint DEFAULT nextval('s'));`,
		data:    `SELECT setval('s', 500)`,
		desired: `CREATE SEQUENCE s START 1 INCREMENT 10 MAXVALUE 99999; CREATE TABLE t (id bigint DEFAULT nextval('s'));`,
		want:    []string{"ALTER SEQUENCE s AS bigint INCREMENT BY 10"},
		check:   `SELECT CASE WHEN last_value = 500 THEN 'ok' ELSE last_value::text END FROM s`},
	{name: "function used by a default",
		current: `CREATE TABLE d (id int);`,
		desired: `CREATE FUNCTION next_code() RETURNS text LANGUAGE sql AS $$SELECT 'c' || floor(random() * 100)::int$$;
COMMENT ON FUNCTION next_code() IS 'codes';
CREATE TABLE d (id int, code text DEFAULT next_code());`,
		want: []string{"CREATE OR REPLACE FUNCTION public.next_code()", "COMMENT ON FUNCTION next_code() IS 'codes'", "ADD COLUMN code"}},
	{name: "function body replaced in place",
		current: `CREATE FUNCTION f(x int) RETURNS int LANGUAGE plpgsql AS $$BEGIN RETURN x; END$$;
CREATE TABLE c (a int CHECK (f(a) > 0));`,
		desired: `CREATE FUNCTION f(x int) RETURNS int LANGUAGE plpgsql AS $$BEGIN RETURN x + 1; END$$;
CREATE TABLE c (a int CHECK (f(a) > 0));`,
		want: []string{"CREATE OR REPLACE FUNCTION public.f(x integer)"}},
	{name: "function result changes: drop and create",
		current: `CREATE FUNCTION g(x int) RETURNS int LANGUAGE sql AS 'SELECT x';`,
		desired: `CREATE FUNCTION g(x int) RETURNS bigint LANGUAGE sql AS 'SELECT x::bigint';`,
		want:    []string{"DROP FUNCTION g(x integer)", "CREATE OR REPLACE FUNCTION public.g(x integer)"}},
	{name: "sql function reading a table created with it",
		current: ``,
		desired: `CREATE TABLE e (id int);
CREATE FUNCTION e_count() RETURNS bigint LANGUAGE sql AS 'SELECT count(*) FROM e';
CREATE PROCEDURE e_clear() LANGUAGE sql BEGIN ATOMIC DELETE FROM e; END;`,
		want: []string{"SET check_function_bodies = off", "CREATE TABLE e", "CREATE OR REPLACE PROCEDURE public.e_clear()"}},
	{name: "trigger function",
		current: `CREATE TABLE tr (a int, b int);`,
		desired: `CREATE TABLE tr (a int, b int);
CREATE FUNCTION tr_fill() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN NEW.b := NEW.a; RETURN NEW; END$$;
CREATE TRIGGER tr_fill BEFORE INSERT ON tr FOR EACH ROW EXECUTE FUNCTION tr_fill();`,
		want: []string{"CREATE OR REPLACE FUNCTION public.tr_fill()", "CREATE TRIGGER tr_fill"}},
	{name: "domain created for a column",
		current: `CREATE TABLE p (id int);`,
		desired: `CREATE DOMAIN pos AS integer DEFAULT 1 NOT NULL CONSTRAINT pos_check CHECK (VALUE > 0);
COMMENT ON DOMAIN pos IS 'positive';
CREATE TABLE p (id int, n pos);`,
		want: []string{"CREATE DOMAIN pos AS integer DEFAULT 1 NOT NULL CONSTRAINT pos_check CHECK (VALUE > 0)", "ADD COLUMN n pos"}},
	{name: "domain change with data",
		current: `CREATE DOMAIN qty AS integer CONSTRAINT qty_min CHECK (VALUE >= 0); CREATE TABLE q (n qty);`,
		data:    `INSERT INTO q VALUES (1), (5)`,
		desired: `CREATE DOMAIN qty AS integer DEFAULT 1 NOT NULL CONSTRAINT qty_max CHECK (VALUE < 100); CREATE TABLE q (n qty);`,
		want: []string{"ALTER DOMAIN qty SET DEFAULT 1", "ALTER DOMAIN qty SET NOT NULL", "ALTER DOMAIN qty DROP CONSTRAINT qty_min",
			"ALTER DOMAIN qty ADD CONSTRAINT qty_max CHECK (VALUE < 100) NOT VALID", "ALTER DOMAIN qty VALIDATE CONSTRAINT qty_max"},
		check: `SELECT CASE WHEN count(*) = 2 THEN 'ok' END FROM q`},
	{name: "composite type created and altered",
		current: `CREATE TYPE addr AS (street text, zip int); CREATE TABLE a (id int);`,
		desired: `CREATE TYPE addr AS (street text COLLATE "C", city text);
COMMENT ON TYPE addr IS 'postal';
CREATE TABLE a (id int, home addr);`,
		want: []string{`ALTER TYPE addr ALTER ATTRIBUTE street TYPE text COLLATE "C", DROP ATTRIBUTE zip, ADD ATTRIBUTE city text`, "COMMENT ON TYPE addr IS 'postal'"}},
	{name: "composite type dropped with its table",
		current: `CREATE TYPE pt AS (x int, y int); CREATE TABLE pts (p pt);`,
		desired: ``,
		want:    []string{"DROP TABLE pts", "DROP TYPE pt"}},
	{name: "row level security and policies",
		current: `CREATE TABLE doc (id int, owner text);`,
		desired: `CREATE FUNCTION me() RETURNS text LANGUAGE sql STABLE AS 'SELECT current_user::text';
CREATE TABLE doc (id int, owner text);
ALTER TABLE doc ENABLE ROW LEVEL SECURITY;
ALTER TABLE doc FORCE ROW LEVEL SECURITY;
CREATE POLICY doc_owner ON doc FOR SELECT TO PUBLIC USING (owner = me());
CREATE POLICY doc_insert ON doc AS RESTRICTIVE FOR INSERT WITH CHECK (owner = current_user);`,
		want: []string{"CREATE OR REPLACE FUNCTION public.me()", "CREATE POLICY doc_owner ON doc AS PERMISSIVE FOR SELECT TO PUBLIC USING (owner = me())",
			"ALTER TABLE doc ENABLE ROW LEVEL SECURITY", "ALTER TABLE doc FORCE ROW LEVEL SECURITY"}},
	{name: "policy changed",
		current: `CREATE TABLE pc (id int); ALTER TABLE pc ENABLE ROW LEVEL SECURITY; CREATE POLICY pc_p ON pc USING (id > 0);`,
		desired: `CREATE TABLE pc (id int); ALTER TABLE pc ENABLE ROW LEVEL SECURITY; CREATE POLICY pc_p ON pc USING (id > 10);`,
		want:    []string{"DROP POLICY pc_p ON pc", "CREATE POLICY pc_p ON pc AS PERMISSIVE FOR ALL TO PUBLIC USING (id > 10)"}},
	{name: "event trigger",
		current: ``,
		desired: `CREATE FUNCTION ddl_log() RETURNS event_trigger LANGUAGE plpgsql AS $$BEGIN RAISE NOTICE 'ddl'; END$$;
CREATE EVENT TRIGGER ddl_log ON ddl_command_end WHEN TAG IN ('CREATE TABLE', 'ALTER TABLE') EXECUTE FUNCTION ddl_log();`,
		want: []string{"CREATE OR REPLACE FUNCTION public.ddl_log()", "CREATE EVENT TRIGGER ddl_log ON ddl_command_end WHEN TAG IN ('CREATE TABLE', 'ALTER TABLE') EXECUTE FUNCTION ddl_log()"}},
	{name: "materialized view with an index over a view, and a view over it",
		current: `CREATE TABLE sales (id int PRIMARY KEY, region text, amount numeric);`,
		desired: `CREATE TABLE sales (id int PRIMARY KEY, region text, amount numeric);
CREATE VIEW big_sales AS SELECT * FROM sales WHERE amount > 100;
CREATE MATERIALIZED VIEW region_totals AS SELECT region, sum(amount) AS total FROM big_sales GROUP BY region;
CREATE UNIQUE INDEX region_totals_region ON region_totals (region);
COMMENT ON INDEX region_totals_region IS 'one row a region';
CREATE VIEW top_regions AS SELECT region FROM region_totals WHERE total > 1000;
CREATE MATERIALIZED VIEW later AS SELECT id FROM sales WITH NO DATA;`,
		want: []string{"CREATE VIEW big_sales", "CREATE MATERIALIZED VIEW region_totals", "CREATE VIEW top_regions",
			"CREATE UNIQUE INDEX region_totals_region ON region_totals USING btree (region)"}},
	{name: "materialized view changed under a view",
		current: `CREATE TABLE s (id int, amount numeric);
CREATE MATERIALIZED VIEW m AS SELECT id, amount FROM s;
CREATE INDEX m_id ON m (id);
CREATE VIEW mv AS SELECT id FROM m;`,
		desired: `CREATE TABLE s (id int, amount numeric);
CREATE MATERIALIZED VIEW m AS SELECT id, amount * 2 AS amount FROM s;
CREATE INDEX m_id ON m (id);
CREATE VIEW mv AS SELECT id FROM m;`,
		want: []string{"DROP INDEX m_id", "DROP VIEW mv", "DROP MATERIALIZED VIEW m", "CREATE MATERIALIZED VIEW m", "CREATE VIEW mv", "CREATE INDEX m_id"}},
	{name: "view becomes materialized",
		current: `CREATE TABLE s (id int); CREATE VIEW v AS SELECT id FROM s;`,
		desired: `CREATE TABLE s (id int); CREATE MATERIALIZED VIEW v AS SELECT id FROM s;`,
		want:    []string{"DROP VIEW v", "CREATE MATERIALIZED VIEW v"}},
	{name: "partitioned table with range, default and sub-partitions",
		current: ``,
		desired: `CREATE TABLE events (id bigint NOT NULL, at date NOT NULL, kind text NOT NULL) PARTITION BY RANGE (at);
CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01') PARTITION BY LIST (kind);
CREATE TABLE events_2025_click PARTITION OF events_2025 FOR VALUES IN ('click');
CREATE TABLE events_2025_rest PARTITION OF events_2025 DEFAULT;
CREATE TABLE events_other PARTITION OF events DEFAULT;`,
		want: []string{"PARTITION BY RANGE (at)", "CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01') PARTITION BY LIST (kind)",
			"CREATE TABLE events_2025_click PARTITION OF events_2025 FOR VALUES IN ('click')"}},
	{name: "partition bound changed with rows, parent column added",
		current: `CREATE TABLE m (id int NOT NULL, k int NOT NULL) PARTITION BY LIST (k);
CREATE TABLE m_a PARTITION OF m FOR VALUES IN (1, 2);
CREATE TABLE m_b PARTITION OF m FOR VALUES IN (3);`,
		data: `INSERT INTO m VALUES (1, 1), (2, 2), (3, 3)`,
		desired: `CREATE TABLE m (id int NOT NULL, k int NOT NULL, note text) PARTITION BY LIST (k);
CREATE TABLE m_a PARTITION OF m FOR VALUES IN (1, 2, 4);
CREATE TABLE m_b PARTITION OF m FOR VALUES IN (3);
CREATE TABLE m_c PARTITION OF m FOR VALUES IN (5);`,
		want: []string{"ALTER TABLE m ADD COLUMN note text", "ALTER TABLE m DETACH PARTITION m_a", "ALTER TABLE m ATTACH PARTITION m_a FOR VALUES IN (1, 2, 4)",
			"CREATE TABLE m_c PARTITION OF m FOR VALUES IN (5)"},
		check: `SELECT CASE WHEN count(*) = 3 THEN 'ok' END FROM m`},
	{name: "hash partitions",
		current: `CREATE TABLE h (id int NOT NULL);`,
		desired: `CREATE TABLE h (id int NOT NULL) PARTITION BY HASH (id);
CREATE TABLE h0 PARTITION OF h FOR VALUES WITH (modulus 2, remainder 0);
CREATE TABLE h1 PARTITION OF h FOR VALUES WITH (modulus 2, remainder 1);`,
		want: []string{"CREATE TABLE h0 PARTITION OF h FOR VALUES WITH (modulus 2, remainder 0)"}},
	{name: "dependency order: extension, type, function, domain, table",
		current: ``,
		desired: `CREATE TABLE z (id int);
CREATE EXTENSION citext;
CREATE FUNCTION is_email(x citext) RETURNS boolean LANGUAGE sql IMMUTABLE BEGIN ATOMIC SELECT position('@' IN x) > 1; END;
CREATE DOMAIN email AS citext CONSTRAINT email_at CHECK (is_email(VALUE));
CREATE TYPE contact AS (name text, mail email);
CREATE FUNCTION contact_mail(c contact) RETURNS email LANGUAGE sql BEGIN ATOMIC SELECT (c).mail; END;
CREATE TABLE people (id int PRIMARY KEY, c contact, m email DEFAULT 'a@b'::email CHECK (is_email(m)));`,
		want: []string{"CREATE EXTENSION citext", "CREATE OR REPLACE FUNCTION public.is_email(x citext)", "CREATE DOMAIN email AS citext",
			"CREATE TYPE contact AS (name text, mail email)", "CREATE OR REPLACE FUNCTION public.contact_mail(c contact)", "CREATE TABLE people"}},
}

// TestObjectsRoundTrip: each case upgrades to the desired schema loaded
// directly and downgrades back, on the real server.
func TestObjectsRoundTrip(t *testing.T) {
	for _, c := range objCases {
		t.Run(c.name, func(t *testing.T) { objRoundTrip(t, c) })
	}
}
