-- MySQL/MariaDB: triggers, a procedure and a function, backslash escapes.
--
-- Revision ID: 5a1e00000003
-- Revises:
-- Create Date: 2026-11-25 21:00:00
-- Branch Labels:
-- Depends On:

-- +retort upgrade
CREATE TABLE account (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(100) NOT NULL, balance INT NOT NULL DEFAULT 0);
CREATE TABLE `audit` (`msg` VARCHAR(200) NOT NULL);

CREATE TRIGGER account_clamp BEFORE INSERT ON account FOR EACH ROW
IF NEW.balance < 0 THEN
    SET NEW.balance = 0;
END IF;

CREATE DEFINER = CURRENT_USER TRIGGER account_audit AFTER INSERT ON account FOR EACH ROW
BEGIN
    INSERT INTO audit VALUES (CONCAT('insert; ', NEW.name));
    IF NEW.balance = 0 THEN
        INSERT INTO audit VALUES ("zero; balance");
    END IF;
END;

CREATE PROCEDURE fill(IN n INT)
BEGIN
    DECLARE i INT DEFAULT 0;
    lbl: WHILE i < n DO
        INSERT INTO account (name) VALUES (CONCAT('row ', i));
        SET i = i + 1;
    END WHILE lbl;
    CASE n WHEN -1 THEN SELECT 'never;'; ELSE BEGIN END; END CASE;
END;

CREATE FUNCTION twice(x INT) RETURNS INT DETERMINISTIC RETURN x * 2;

INSERT INTO account (name, balance) VALUES ('It\'s; escaped', -5);
CALL fill(2);

-- +retort downgrade
DROP FUNCTION twice;
DROP PROCEDURE fill;
DROP TRIGGER account_audit;
DROP TRIGGER account_clamp;
DROP TABLE audit;
DROP TABLE account;
