-- retort:revision aff5bbc27cef
-- retort:parents a00000000004
-- retort:message notes body check
-- retort:created 2026-11-25T02:30:47Z

-- +upgrade
PRAGMA foreign_keys = OFF;

CREATE TABLE "_retort_new_comments" (
  "id" INTEGER CONSTRAINT "comments_pkey" PRIMARY KEY,
  "note_id" INTEGER NOT NULL,
  "body" TEXT NOT NULL,
  CONSTRAINT "comments_check" CHECK (length(body) > 0),
  CONSTRAINT "comments_note_id_fkey" FOREIGN KEY ("note_id") REFERENCES "notes" ("id") ON DELETE CASCADE
);

INSERT INTO "_retort_new_comments" ("id", "note_id", "body")
  SELECT "id", "note_id", "body" FROM "comments";

DROP TABLE "comments";

ALTER TABLE "_retort_new_comments" RENAME TO "comments";

CREATE TABLE "_retort_new_notes" (
  "id" INTEGER CONSTRAINT "notes_pkey" PRIMARY KEY,
  "author_id" INTEGER NOT NULL,
  "body" TEXT NOT NULL,
  CONSTRAINT "notes_check" CHECK (length(body) > 0),
  CONSTRAINT "notes_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

INSERT INTO "_retort_new_notes" ("id", "author_id", "body")
  SELECT "id", "author_id", "body" FROM "notes";

DROP TABLE "notes";

ALTER TABLE "_retort_new_notes" RENAME TO "notes";

CREATE INDEX "notes_author_id_idx" ON "notes" ("author_id");

PRAGMA foreign_key_check;

PRAGMA foreign_keys = ON;

-- +downgrade
PRAGMA foreign_keys = OFF;

CREATE TABLE "_retort_new_notes" (
  "id" INTEGER CONSTRAINT "notes_pkey" PRIMARY KEY,
  "author_id" INTEGER NOT NULL,
  "body" TEXT NOT NULL,
  CONSTRAINT "notes_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

INSERT INTO "_retort_new_notes" ("id", "author_id", "body")
  SELECT "id", "author_id", "body" FROM "notes";

DROP TABLE "notes";

ALTER TABLE "_retort_new_notes" RENAME TO "notes";

CREATE INDEX "notes_author_id_idx" ON "notes" ("author_id");

CREATE TABLE "_retort_new_comments" (
  "id" INTEGER CONSTRAINT "comments_pkey" PRIMARY KEY,
  "note_id" INTEGER NOT NULL,
  "body" TEXT NOT NULL,
  CONSTRAINT "comments_note_id_fkey" FOREIGN KEY ("note_id") REFERENCES "notes" ("id") ON DELETE CASCADE
);

INSERT INTO "_retort_new_comments" ("id", "note_id", "body")
  SELECT "id", "note_id", "body" FROM "comments";

DROP TABLE "comments";

ALTER TABLE "_retort_new_comments" RENAME TO "comments";

PRAGMA foreign_key_check;

PRAGMA foreign_keys = ON;
