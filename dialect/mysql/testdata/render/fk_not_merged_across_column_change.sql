ALTER TABLE `notes` DROP FOREIGN KEY `notes_author_id_fkey`;
ALTER TABLE `notes` MODIFY COLUMN `author_id` bigint(20) NOT NULL;
ALTER TABLE `notes` ADD CONSTRAINT `notes_author_id_fkey` FOREIGN KEY (`author_id`) REFERENCES `users` (`id`);
