-- retort:relation {"orm":"ent","kind":"O2M","package":"github.com/retortdb/retort/entschema/internal/braindump","model":"User","field":"notes","table":"notes","columns":["author_id"],"ref_table":"users","ref_columns":["id"],"fk":true,"fk_name":"notes_users_notes"}
-- retort:relation {"orm":"ent","kind":"O2M","package":"github.com/retortdb/retort/entschema/internal/braindump","model":"User","field":"owned_tasks","table":"tasks","columns":["owner_id"],"ref_table":"users","ref_columns":["id"],"fk":true,"fk_name":"tasks_users_owned_tasks"}
-- retort:relation {"orm":"ent","kind":"O2M","package":"github.com/retortdb/retort/entschema/internal/braindump","model":"User","field":"reviewed_tasks","table":"tasks","columns":["reviewer_id"],"ref_table":"users","ref_columns":["id"],"fk":true,"fk_name":"tasks_users_reviewed_tasks"}
-- retort:relation {"orm":"ent","kind":"O2M","package":"github.com/retortdb/retort/entschema/internal/braindump","model":"Task","field":"children","table":"tasks","columns":["parent_id"],"ref_table":"tasks","ref_columns":["id"],"fk":true,"fk_name":"tasks_tasks_children"}
-- Create "users" table
CREATE TABLE `users` (
  `id` integer NOT NULL PRIMARY KEY AUTOINCREMENT,
  `email` text NOT NULL,
  `name` text NOT NULL DEFAULT ('anon'),
  `active` bool NOT NULL DEFAULT (true)
);
-- Create index "users_email_key" to table: "users"
CREATE UNIQUE INDEX `users_email_key` ON `users` (`email`);
-- Create "notes" table
CREATE TABLE `notes` (
  `id` integer NOT NULL PRIMARY KEY AUTOINCREMENT,
  `title` text NOT NULL,
  `body` text NULL,
  `author_id` integer NULL,
  CONSTRAINT `notes_users_notes` FOREIGN KEY (`author_id`) REFERENCES `users` (`id`) ON DELETE CASCADE
);
-- Create index "note_author_id_title" to table: "notes"
CREATE UNIQUE INDEX `note_author_id_title` ON `notes` (`author_id`, `title`);
-- Create index "note_title" to table: "notes"
CREATE INDEX `note_title` ON `notes` (`title`);
-- Create "groups" table
CREATE TABLE `groups` (
  `id` integer NOT NULL PRIMARY KEY AUTOINCREMENT,
  `name` text NOT NULL
);
-- Create "tasks" table
CREATE TABLE `tasks` (
  `id` integer NOT NULL PRIMARY KEY AUTOINCREMENT,
  `priority` integer NOT NULL DEFAULT (3),
  `owner_id` integer NOT NULL,
  `reviewer_id` integer NULL,
  `parent_id` integer NULL,
  CONSTRAINT `tasks_users_owned_tasks` FOREIGN KEY (`owner_id`) REFERENCES `users` (`id`) ON DELETE RESTRICT,
  CONSTRAINT `tasks_users_reviewed_tasks` FOREIGN KEY (`reviewer_id`) REFERENCES `users` (`id`) ON DELETE SET NULL,
  CONSTRAINT `tasks_tasks_children` FOREIGN KEY (`parent_id`) REFERENCES `tasks` (`id`) ON DELETE NO ACTION
);
-- Create "user_groups" table
CREATE TABLE `user_groups` (
  `user_id` integer NOT NULL,
  `group_id` integer NOT NULL,
  PRIMARY KEY (`user_id`, `group_id`),
  CONSTRAINT `user_groups_user_id` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE,
  CONSTRAINT `user_groups_group_id` FOREIGN KEY (`group_id`) REFERENCES `groups` (`id`) ON DELETE CASCADE
);
