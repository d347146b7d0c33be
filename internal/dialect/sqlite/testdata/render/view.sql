-- up
CREATE VIEW names AS SELECT name FROM users;
CREATE VIEW "Emails" AS SELECT email FROM users;
-- down
DROP VIEW "Emails";
DROP VIEW names;
