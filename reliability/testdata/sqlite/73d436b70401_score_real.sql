-- retort:revision 73d436b70401
-- retort:parents aff5bbc27cef
-- retort:message score real
-- retort:created 2026-11-25T02:30:47Z
-- retort:allow destructive

-- +upgrade
PRAGMA foreign_keys = OFF;

CREATE TABLE "_retort_new_users" (
  "id" INTEGER CONSTRAINT "users_pkey" PRIMARY KEY,
  "email" TEXT NOT NULL,
  "score" REAL NOT NULL DEFAULT 0,
  CONSTRAINT "users_email_key" UNIQUE ("email")
);

INSERT INTO "_retort_new_users" ("id", "email", "score")
  SELECT "id", "email", "score" FROM "users";

DROP TABLE "users";

ALTER TABLE "_retort_new_users" RENAME TO "users";

PRAGMA foreign_key_check;

PRAGMA foreign_keys = ON;

-- +downgrade
PRAGMA foreign_keys = OFF;

CREATE TABLE "_retort_new_users" (
  "id" INTEGER CONSTRAINT "users_pkey" PRIMARY KEY,
  "email" TEXT NOT NULL,
  "score" INTEGER NOT NULL DEFAULT 0,
  CONSTRAINT "users_email_key" UNIQUE ("email")
);

INSERT INTO "_retort_new_users" ("id", "email", "score")
  SELECT "id", "email", "score" FROM "users";

DROP TABLE "users";

ALTER TABLE "_retort_new_users" RENAME TO "users";

PRAGMA foreign_key_check;

PRAGMA foreign_keys = ON;
