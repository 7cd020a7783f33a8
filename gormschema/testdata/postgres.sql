-- retort:relation {"orm":"gorm","kind":"has-many","package":"github.com/retortdb/retort/gormschema_test","model":"User","field":"Notes","table":"notes","columns":["author_id"],"ref_table":"users","ref_columns":["id"],"fk":true,"fk_name":"fk_users_notes"}
CREATE TABLE "users" ("id" bigserial,"created_at" timestamptz,"updated_at" timestamptz,"deleted_at" timestamptz,"email" varchar(255) NOT NULL,"name" varchar(100) DEFAULT 'anonymous',PRIMARY KEY ("id"));
CREATE UNIQUE INDEX IF NOT EXISTS "idx_users_email" ON "users" ("email");
CREATE INDEX IF NOT EXISTS "idx_users_deleted_at" ON "users" ("deleted_at");
CREATE TABLE "tags" ("id" bigserial,"name" varchar(64) NOT NULL,"slug" varchar(64) NOT NULL,PRIMARY KEY ("id"),CONSTRAINT "uni_tags_name" UNIQUE ("name"),CONSTRAINT "uni_tags_slug" UNIQUE ("slug"));
CREATE TABLE "user_tags" ("user_id" bigint,"tag_id" bigint,PRIMARY KEY ("user_id","tag_id"));
CREATE TABLE "notes" ("id" bigserial,"author_id" bigint,"body" text NOT NULL,"score" bigint DEFAULT 0,"rank" bigint DEFAULT 1,"created" timestamptz,PRIMARY KEY ("id"),CONSTRAINT "chk_notes_rank" CHECK (rank > 0),CONSTRAINT "score_nonnegative" CHECK (score >= 0));
CREATE INDEX IF NOT EXISTS "idx_notes_author_id" ON "notes" ("author_id");
ALTER TABLE "notes" ADD CONSTRAINT "fk_users_notes" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE SET NULL;
ALTER TABLE "user_tags" ADD CONSTRAINT "fk_user_tags_tag" FOREIGN KEY ("tag_id") REFERENCES "tags"("id");
ALTER TABLE "user_tags" ADD CONSTRAINT "fk_user_tags_user" FOREIGN KEY ("user_id") REFERENCES "users"("id");
