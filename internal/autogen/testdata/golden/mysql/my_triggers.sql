-- upgrade
-- REVIEW: drops trigger old_bi on old_stuff: what it does on changes to old_stuff stops happening
DROP TRIGGER `old_bi`;

DROP TRIGGER `item_bi_2`;

DROP TRIGGER `item_bi`;

DROP TRIGGER `item_au`;

-- REVIEW: drops trigger item_ad on item: what it does on changes to item stops happening
DROP TRIGGER `item_ad`;

-- +retort StatementBegin
CREATE PROCEDURE `log_msg`(IN m varchar(100))
BEGIN
  INSERT INTO audit (msg) VALUES (m);
END;
-- +retort StatementEnd

-- REVIEW: drops table old_stuff and all its data
DROP TABLE `old_stuff`;

CREATE TRIGGER `item_au` AFTER UPDATE ON `item` FOR EACH ROW CALL log_msg(concat('update ', NEW.id));

CREATE TRIGGER `item_bi_0` BEFORE INSERT ON `item` FOR EACH ROW SET NEW.touched = 10;

-- +retort StatementBegin
CREATE TRIGGER `item_bi` BEFORE INSERT ON `item` FOR EACH ROW FOLLOWS `item_bi_0` BEGIN
  SET NEW.n = coalesce(NEW.n, 0) + 2; -- count from two
  SET NEW.note = concat('[', coalesce(NEW.note, ''), ']');
END;
-- +retort StatementEnd

CREATE TRIGGER `item_bi_2` BEFORE INSERT ON `item` FOR EACH ROW FOLLOWS `item_bi` SET NEW.touched = NEW.touched + 1;

CREATE TRIGGER `item_bu` BEFORE UPDATE ON `item` FOR EACH ROW SET NEW.touched = OLD.touched + 1;

-- downgrade
-- REVIEW: drops trigger item_bu on item: what it does on changes to item stops happening
DROP TRIGGER `item_bu`;

DROP TRIGGER `item_bi_2`;

DROP TRIGGER `item_bi`;

-- REVIEW: drops trigger item_bi_0 on item: what it does on changes to item stops happening
DROP TRIGGER `item_bi_0`;

DROP TRIGGER `item_au`;

CREATE TABLE `old_stuff` (
    `id` int(11) NOT NULL,
    PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

-- REVIEW: drops procedure log_msg: whatever still calls it fails
DROP PROCEDURE `log_msg`;

CREATE TRIGGER `item_ad` AFTER DELETE ON `item` FOR EACH ROW INSERT INTO audit (msg) VALUES (concat('delete ', OLD.id));

CREATE TRIGGER `item_au` AFTER UPDATE ON `item` FOR EACH ROW INSERT INTO audit (msg) VALUES (concat('update ', NEW.id));

-- +retort StatementBegin
CREATE TRIGGER `item_bi` BEFORE INSERT ON `item` FOR EACH ROW BEGIN
  SET NEW.n = coalesce(NEW.n, 0) + 1; -- count from one
  SET NEW.note = concat('[', coalesce(NEW.note, ''), ']');
END;
-- +retort StatementEnd

CREATE TRIGGER `item_bi_2` BEFORE INSERT ON `item` FOR EACH ROW FOLLOWS `item_bi` SET NEW.touched = NEW.touched + 1;

CREATE TRIGGER `old_bi` BEFORE INSERT ON `old_stuff` FOR EACH ROW SET NEW.id = NEW.id + 0;
