-- retort:revision f00000000002
-- retort:parents f00000000001
-- retort:message tags, user contact columns

-- +upgrade
CREATE TABLE tags (id INT NOT NULL PRIMARY KEY, name VARCHAR(50) NOT NULL) ENGINE=InnoDB;
ALTER TABLE users ADD COLUMN email VARCHAR(100) NULL, ADD COLUMN phone VARCHAR(20) NULL;
UPDATE users SET phone = '000';

-- +downgrade
ALTER TABLE users DROP COLUMN phone;
DROP TABLE tags;
