RENAME TABLE `notes` TO `memos`;
CREATE VIEW `v` AS select `memos`.`id` AS `id` from `memos`;
DROP VIEW `v`;
CREATE TRIGGER `tr` BEFORE INSERT ON `memos` FOR EACH ROW SET NEW.id = NEW.id;
DROP TRIGGER `tr`;
UPDATE memos SET id = id;
DROP TABLE `memos`;
