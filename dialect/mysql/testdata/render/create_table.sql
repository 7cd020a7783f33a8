CREATE TABLE `order` (
  `id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  `select` varchar(10) CHARACTER SET latin1 COLLATE latin1_bin NULL DEFAULT 'a''b',
  `at` timestamp NOT NULL DEFAULT current_timestamp() ON UPDATE current_timestamp(),
  `u` varchar(36) NOT NULL DEFAULT (uuid()),
  `n` int(11) NULL DEFAULT -1,
  `twice` int(11) GENERATED ALWAYS AS (`n` * 2) STORED,
  `doc` json NULL INVISIBLE,
  PRIMARY KEY (`id`),
  CONSTRAINT `order_u_key` UNIQUE (`u`),
  KEY `order_sel` (`select`(4) DESC, (`n` + 1)) IGNORED,
  FULLTEXT KEY `order_doc_ft` (`select`),
  CONSTRAINT `order_n` CHECK (`n` > 0),
  CONSTRAINT `order_n_fkey` FOREIGN KEY (`n`) REFERENCES `order` (`id`) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='orders';
