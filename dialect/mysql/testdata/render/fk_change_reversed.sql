ALTER TABLE `notes` DROP FOREIGN KEY `notes_author_id_fkey`, ADD CONSTRAINT `notes_author_id_fkey__retort_swap` FOREIGN KEY (`author_id`) REFERENCES `users` (`id`);
ALTER TABLE `notes` DROP FOREIGN KEY `notes_author_id_fkey__retort_swap`, ADD CONSTRAINT `notes_author_id_fkey` FOREIGN KEY (`author_id`) REFERENCES `users` (`id`);
