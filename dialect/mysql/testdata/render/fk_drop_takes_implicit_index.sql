ALTER TABLE `notes` DROP FOREIGN KEY `notes_author_id_fkey`, DROP INDEX `notes_author_id_fkey`;
