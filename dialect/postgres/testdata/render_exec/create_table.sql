CREATE TYPE "Level" AS ENUM ('low', 'it''s high');

CREATE TABLE "Order" (
  id bigserial NOT NULL,
  "user" integer,
  code character varying(20) COLLATE "C" NOT NULL DEFAULT 'x'::character varying,
  twice bigint GENERATED ALWAYS AS (id * 2) STORED,
  seq integer GENERATED ALWAYS AS IDENTITY NOT NULL,
  lvl "Level",
  tags text[],
  CONSTRAINT "Order_pkey" PRIMARY KEY (id),
  CONSTRAINT "Order_code_seq_key" UNIQUE (code, seq) DEFERRABLE INITIALLY DEFERRED,
  CONSTRAINT "Order_seq_check" CHECK (seq > 0),
  CHECK (code::text <> ''::text),
  CONSTRAINT "Order_user_fkey" FOREIGN KEY ("user") REFERENCES users (id) ON DELETE SET NULL,
  CONSTRAINT "Order_self" FOREIGN KEY (seq) REFERENCES "Order" (id)
);

CREATE UNIQUE INDEX order_lower_code ON "Order" ((lower(code::text)) COLLATE "C") WHERE "user" IS NOT NULL;

CREATE INDEX order_code_desc ON "Order" (code varchar_pattern_ops DESC, id);

CREATE INDEX order_tags ON "Order" USING gin (tags);

CREATE INDEX order_coll ON "Order" (code COLLATE "POSIX");

COMMENT ON TABLE "Order" IS 'orders'' table';

COMMENT ON COLUMN "Order"."user" IS 'who';
