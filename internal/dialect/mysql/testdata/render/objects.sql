-- up
CREATE FUNCTION `f`() RETURNS int(11)
    DETERMINISTIC
RETURN 1;
CREATE PROCEDURE `p`()
BEGIN
  SELECT 1;
END;
CREATE TRIGGER `t_bi` BEFORE INSERT ON `t` FOR EACH ROW BEGIN
  SET NEW.a = 1;
END;
CREATE EVENT `e` ON SCHEDULE EVERY 1 DAY ON COMPLETION NOT PRESERVE ENABLE DO DELETE FROM t;
-- down
-- review: drops event e: what it runs on its schedule stops
DROP EVENT `e`;
-- review: drops trigger t_bi on t: what it does on changes to t stops happening
DROP TRIGGER `t_bi`;
-- review: drops procedure p: whatever still calls it fails
DROP PROCEDURE `p`;
-- review: drops function f: whatever still calls it fails
DROP FUNCTION `f`;
