CREATE TABLE `users` (`id` bigint unsigned AUTO_INCREMENT,`created_at` datetime(3) NULL,`updated_at` datetime(3) NULL,`deleted_at` datetime(3) NULL,`email` varchar(255) NOT NULL,`name` varchar(100) DEFAULT 'anonymous',PRIMARY KEY (`id`),INDEX `idx_users_deleted_at` (`deleted_at`),UNIQUE INDEX `idx_users_email` (`email`));
CREATE TABLE `tags` (`id` bigint unsigned AUTO_INCREMENT,`name` varchar(64) NOT NULL,`slug` varchar(64) NOT NULL,PRIMARY KEY (`id`),CONSTRAINT `uni_tags_name` UNIQUE (`name`),CONSTRAINT `uni_tags_slug` UNIQUE (`slug`));
CREATE TABLE `user_tags` (`user_id` bigint unsigned,`tag_id` bigint unsigned,PRIMARY KEY (`user_id`,`tag_id`));
CREATE TABLE `notes` (`id` bigint unsigned AUTO_INCREMENT,`author_id` bigint unsigned,`body` longtext NOT NULL,`score` bigint DEFAULT 0,`rank` bigint DEFAULT 1,`created` datetime(3) NULL,PRIMARY KEY (`id`),INDEX `idx_notes_author_id` (`author_id`),CONSTRAINT `chk_notes_rank` CHECK (rank > 0),CONSTRAINT `score_nonnegative` CHECK (score >= 0));
ALTER TABLE `notes` ADD CONSTRAINT `fk_users_notes` FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON DELETE CASCADE ON UPDATE SET NULL;
ALTER TABLE `user_tags` ADD CONSTRAINT `fk_user_tags_tag` FOREIGN KEY (`tag_id`) REFERENCES `tags`(`id`);
ALTER TABLE `user_tags` ADD CONSTRAINT `fk_user_tags_user` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`);
