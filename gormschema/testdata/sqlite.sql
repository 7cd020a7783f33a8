-- retort:relation {"orm":"gorm","kind":"has-many","package":"github.com/retortdb/retort/gormschema_test","model":"User","field":"Notes","table":"notes","columns":["author_id"],"ref_table":"users","ref_columns":["id"],"fk":true,"fk_name":"fk_users_notes"}
CREATE TABLE `users` (`id` integer PRIMARY KEY AUTOINCREMENT,`created_at` datetime,`updated_at` datetime,`deleted_at` datetime,`email` text NOT NULL,`name` text DEFAULT "anonymous");
CREATE UNIQUE INDEX `idx_users_email` ON `users`(`email`);
CREATE INDEX `idx_users_deleted_at` ON `users`(`deleted_at`);
CREATE TABLE `tags` (`id` integer PRIMARY KEY AUTOINCREMENT,`name` text NOT NULL,`slug` text NOT NULL,CONSTRAINT `uni_tags_name` UNIQUE (`name`),CONSTRAINT `uni_tags_slug` UNIQUE (`slug`));
CREATE TABLE `user_tags` (`user_id` integer,`tag_id` integer,PRIMARY KEY (`user_id`,`tag_id`),CONSTRAINT `fk_user_tags_tag` FOREIGN KEY (`tag_id`) REFERENCES `tags`(`id`),CONSTRAINT `fk_user_tags_user` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`));
CREATE TABLE `notes` (`id` integer PRIMARY KEY AUTOINCREMENT,`author_id` integer,`body` text NOT NULL,`score` integer DEFAULT 0,`rank` integer DEFAULT 1,`created` datetime,CONSTRAINT `chk_notes_rank` CHECK (rank > 0),CONSTRAINT `score_nonnegative` CHECK (score >= 0),CONSTRAINT `fk_users_notes` FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON DELETE CASCADE ON UPDATE SET NULL);
CREATE INDEX `idx_notes_author_id` ON `notes`(`author_id`);
