-- upgrade
DROP EVENT `purge_old`;

CREATE EVENT `nightly` ON SCHEDULE EVERY 1 DAY STARTS '2030-01-01 03:00:00' ON COMPLETION NOT PRESERVE ENABLE DO DELETE FROM audit WHERE msg IS NULL;

CREATE EVENT `purge_old` ON SCHEDULE EVERY 12 HOUR ON COMPLETION PRESERVE DISABLE COMMENT 'twice a day' DO DELETE FROM audit WHERE at < now() - INTERVAL 7 DAY;

-- +retort StatementBegin
CREATE EVENT `yearly` ON SCHEDULE AT '2030-01-01 00:00:00' ON COMPLETION PRESERVE ENABLE DO BEGIN
  INSERT INTO audit (msg, at) VALUES ('new year', now());
  DELETE FROM audit WHERE at < now() - INTERVAL 1 YEAR;
END;
-- +retort StatementEnd

-- REVIEW: drops event gone: what it runs on its schedule stops
DROP EVENT `gone`;

-- downgrade
CREATE EVENT `gone` ON SCHEDULE EVERY 1 HOUR ON COMPLETION NOT PRESERVE ENABLE DO DELETE FROM audit WHERE id < 0;

-- REVIEW: drops event yearly: what it runs on its schedule stops
DROP EVENT `yearly`;

DROP EVENT `purge_old`;

-- REVIEW: drops event nightly: what it runs on its schedule stops
DROP EVENT `nightly`;

CREATE EVENT `purge_old` ON SCHEDULE EVERY 1 DAY ON COMPLETION NOT PRESERVE ENABLE DO DELETE FROM audit WHERE at < now() - INTERVAL 30 DAY;
