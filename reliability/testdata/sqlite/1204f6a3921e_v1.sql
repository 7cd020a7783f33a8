-- retort:revision 1204f6a3921e
-- retort:message v1
-- retort:created 2026-11-25T02:30:35Z

-- +upgrade
CREATE TABLE "users" (
  "id" INTEGER CONSTRAINT "users_pkey" PRIMARY KEY,
  "email" TEXT NOT NULL,
  "score" INTEGER NOT NULL DEFAULT 0,
  CONSTRAINT "users_email_key" UNIQUE ("email")
);

CREATE TABLE "notes" (
  "id" INTEGER CONSTRAINT "notes_pkey" PRIMARY KEY,
  "author_id" INTEGER NOT NULL,
  "body" TEXT NOT NULL,
  CONSTRAINT "notes_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users" ("id")
);

CREATE INDEX "notes_author_id_idx" ON "notes" ("author_id");

CREATE TABLE "comments" (
  "id" INTEGER CONSTRAINT "comments_pkey" PRIMARY KEY,
  "note_id" INTEGER NOT NULL,
  "body" TEXT NOT NULL,
  CONSTRAINT "comments_note_id_fkey" FOREIGN KEY ("note_id") REFERENCES "notes" ("id") ON DELETE CASCADE
);

-- +downgrade
DROP TABLE "comments";

DROP TABLE "notes";

DROP TABLE "users";
