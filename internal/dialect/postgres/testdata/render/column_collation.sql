-- up
ALTER TABLE users ALTER COLUMN email TYPE text COLLATE "default";
-- down
ALTER TABLE users ALTER COLUMN email TYPE text COLLATE "C";
