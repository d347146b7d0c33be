-- upgrade
DROP PROCEDURE `deposit`;

DROP FUNCTION `add_tax`;

CREATE FUNCTION `add_tax`(x decimal(10,2)) RETURNS decimal(10,2)
    DETERMINISTIC
    COMMENT 'twenty percent'
RETURN x * 1.2;

-- +retort StatementBegin
CREATE FUNCTION `total`() RETURNS decimal(20,2)
    READS SQL DATA
BEGIN
  DECLARE s decimal(20,2);
  SELECT sum(balance) INTO s FROM acct;
  RETURN coalesce(s, 0);
END;
-- +retort StatementEnd

-- +retort StatementBegin
CREATE PROCEDURE `deposit`(IN k int, IN amt decimal(10,2), OUT new_balance decimal(10,2))
    SQL SECURITY INVOKER
BEGIN
  UPDATE acct SET balance = balance + amt WHERE id = k;
  SELECT balance INTO new_balance FROM acct WHERE id = k;
END;
-- +retort StatementEnd

-- REVIEW: drops function gone: whatever still calls it fails
DROP FUNCTION `gone`;

-- downgrade
CREATE FUNCTION `gone`(x int) RETURNS int(11)
    DETERMINISTIC
RETURN x;

DROP PROCEDURE `deposit`;

-- REVIEW: drops function total: whatever still calls it fails
DROP FUNCTION `total`;

DROP FUNCTION `add_tax`;

CREATE FUNCTION `add_tax`(x decimal(10,2)) RETURNS decimal(10,2)
    DETERMINISTIC
RETURN x * 1.1;

-- +retort StatementBegin
CREATE PROCEDURE `deposit`(IN k int, IN amt decimal(10,2))
BEGIN
  UPDATE acct SET balance = balance + amt WHERE id = k;
END;
-- +retort StatementEnd
