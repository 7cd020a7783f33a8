RENAME TABLE `notes` TO `memos`;
ALTER TABLE `memos` RENAME COLUMN `author_id` TO `writer_id`;
ALTER TABLE `users` RENAME COLUMN `email` TO `mail`;
