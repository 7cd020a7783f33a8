-- retort:revision b00000000005
-- retort:parents b00000000004
-- retort:message notes body check

-- +upgrade
ALTER TABLE notes ADD CONSTRAINT notes_body_check CHECK (CHAR_LENGTH(body) > 0);

-- +downgrade
ALTER TABLE notes DROP CONSTRAINT notes_body_check;
