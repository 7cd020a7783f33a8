-- retort:revision c00000000005
-- retort:parents c00000000004
-- retort:message notes body check

-- +upgrade
ALTER TABLE notes ADD CONSTRAINT notes_body_check CHECK (length(body) > 0);

-- +downgrade
ALTER TABLE notes DROP CONSTRAINT notes_body_check;
