ALTER TABLE `notes` ADD COLUMN `body` text COLLATE utf8mb4_bin NULL COMMENT 'it''s';
ALTER TABLE `notes` MODIFY COLUMN `body` mediumtext NOT NULL;
ALTER TABLE `notes` RENAME COLUMN `body` TO `text`;
ALTER TABLE `notes` DROP COLUMN `body`;
ALTER TABLE `notes` DROP PRIMARY KEY, ADD PRIMARY KEY (`id`, `author_id`);
ALTER TABLE `notes` COMMENT = 'user''s notes';
