-- retort:revision c00000000006
-- retort:parents c00000000005
-- retort:message score real

-- +upgrade
ALTER TABLE users ALTER COLUMN score TYPE double precision;

-- +downgrade
ALTER TABLE users ALTER COLUMN score TYPE integer;
