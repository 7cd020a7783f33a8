-- retort:revision b00000000006
-- retort:parents b00000000005
-- retort:message score real

-- +upgrade
ALTER TABLE users MODIFY score DOUBLE NOT NULL DEFAULT 0;

-- +downgrade
ALTER TABLE users MODIFY score INT NOT NULL DEFAULT 0;
