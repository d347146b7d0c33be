ALTER TYPE mood ADD VALUE 'meh';
COMMIT;
UPDATE later SET id = 1;
