-- up
ALTER TABLE notes ADD COLUMN tag TEXT DEFAULT 'x';
-- down
-- review: drops column notes.tag and its data
ALTER TABLE notes DROP COLUMN tag;
