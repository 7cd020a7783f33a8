-- retort:revision f00000000002
-- retort:parents f00000000001
-- retort:message add a note column and fill it

-- +upgrade
ALTER TABLE accounts ADD COLUMN note VARCHAR(20) NULL;
UPDATE accounts SET note = 'migrated';

-- +downgrade
ALTER TABLE accounts DROP COLUMN note;
