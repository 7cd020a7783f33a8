-- retort:relation {"orm":"ent","kind":"O2M","package":"github.com/retortdb/retort/entschema/internal/braindump","model":"User","field":"notes","table":"notes","columns":["author_id"],"ref_table":"users","ref_columns":["id"],"fk":true,"fk_name":"notes_users_notes"}
-- retort:relation {"orm":"ent","kind":"O2M","package":"github.com/retortdb/retort/entschema/internal/braindump","model":"User","field":"owned_tasks","table":"tasks","columns":["owner_id"],"ref_table":"users","ref_columns":["id"],"fk":true,"fk_name":"tasks_users_owned_tasks"}
-- retort:relation {"orm":"ent","kind":"O2M","package":"github.com/retortdb/retort/entschema/internal/braindump","model":"User","field":"reviewed_tasks","table":"tasks","columns":["reviewer_id"],"ref_table":"users","ref_columns":["id"],"fk":true,"fk_name":"tasks_users_reviewed_tasks"}
-- retort:relation {"orm":"ent","kind":"O2M","package":"github.com/retortdb/retort/entschema/internal/braindump","model":"Task","field":"children","table":"tasks","columns":["parent_id"],"ref_table":"tasks","ref_columns":["id"],"fk":true,"fk_name":"tasks_tasks_children"}
-- Create "users" table
CREATE TABLE `users` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `email` varchar(255) NOT NULL,
  `name` varchar(255) NOT NULL DEFAULT 'anon',
  `active` bool NOT NULL DEFAULT true,
  PRIMARY KEY (`id`),
  UNIQUE INDEX `email` (`email`)
) CHARSET utf8mb4 COLLATE utf8mb4_bin;
-- Create "notes" table
CREATE TABLE `notes` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `title` varchar(200) NOT NULL,
  `body` longtext NULL,
  `author_id` bigint NULL,
  PRIMARY KEY (`id`),
  UNIQUE INDEX `note_author_id_title` (`author_id`, `title`),
  INDEX `note_title` (`title`),
  CONSTRAINT `notes_users_notes` FOREIGN KEY (`author_id`) REFERENCES `users` (`id`) ON DELETE SET NULL
) CHARSET utf8mb4 COLLATE utf8mb4_bin;
-- Create "tasks" table
CREATE TABLE `tasks` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `priority` bigint NOT NULL DEFAULT 3,
  `owner_id` bigint NOT NULL,
  `reviewer_id` bigint NULL,
  `parent_id` bigint NULL,
  PRIMARY KEY (`id`),
  CONSTRAINT `tasks_users_owned_tasks` FOREIGN KEY (`owner_id`) REFERENCES `users` (`id`) ON DELETE RESTRICT,
  CONSTRAINT `tasks_users_reviewed_tasks` FOREIGN KEY (`reviewer_id`) REFERENCES `users` (`id`) ON DELETE SET NULL,
  CONSTRAINT `tasks_tasks_children` FOREIGN KEY (`parent_id`) REFERENCES `tasks` (`id`) ON DELETE NO ACTION
) CHARSET utf8mb4 COLLATE utf8mb4_bin;
-- Create "groups" table
CREATE TABLE `groups` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `name` varchar(255) NOT NULL,
  PRIMARY KEY (`id`)
) CHARSET utf8mb4 COLLATE utf8mb4_bin;
-- Create "user_groups" table
CREATE TABLE `user_groups` (
  `user_id` bigint NOT NULL,
  `group_id` bigint NOT NULL,
  PRIMARY KEY (`user_id`, `group_id`),
  CONSTRAINT `user_groups_user_id` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE,
  CONSTRAINT `user_groups_group_id` FOREIGN KEY (`group_id`) REFERENCES `groups` (`id`) ON DELETE CASCADE
) CHARSET utf8mb4 COLLATE utf8mb4_bin;
