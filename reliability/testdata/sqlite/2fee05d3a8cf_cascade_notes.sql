-- retort:revision 2fee05d3a8cf
-- retort:parents a00000000002
-- retort:message cascade notes
-- retort:created 2026-11-25T02:30:42Z

-- +upgrade
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

PRAGMA foreign_key_check;

PRAGMA foreign_keys = ON;

-- +downgrade
PRAGMA foreign_keys = OFF;

CREATE TABLE "_retort_new_notes" (
  "id" INTEGER CONSTRAINT "notes_pkey" PRIMARY KEY,
  "author_id" INTEGER NOT NULL,
  "body" TEXT NOT NULL,
  CONSTRAINT "notes_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users" ("id")
);

INSERT INTO "_retort_new_notes" ("id", "author_id", "body")
  SELECT "id", "author_id", "body" FROM "notes";

DROP TABLE "notes";

ALTER TABLE "_retort_new_notes" RENAME TO "notes";

CREATE INDEX "notes_author_id_idx" ON "notes" ("author_id");

PRAGMA foreign_key_check;

PRAGMA foreign_keys = ON;
