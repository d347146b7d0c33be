-- upgrade
ALTER TABLE `people` MODIFY COLUMN `mood` enum('sad','meh','ok','happy','ecstatic');

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of people.size from enum('s','m','l','xl') to enum('xl','l','m','s'): values not among its members fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `people` MODIFY COLUMN `size` enum('xl','l','m','s');

SET SESSION sql_mode = @retort_sql_mode;

ALTER TABLE `people` MODIFY COLUMN `perms` set('r','w','x');

-- downgrade
SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of people.perms from set('r','w','x') to set('r','w'): values not among its members fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `people` MODIFY COLUMN `perms` set('r','w');

SET SESSION sql_mode = @retort_sql_mode;

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of people.size from enum('xl','l','m','s') to enum('s','m','l','xl'): values not among its members fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `people` MODIFY COLUMN `size` enum('s','m','l','xl');

SET SESSION sql_mode = @retort_sql_mode;

SET @retort_sql_mode = @@SESSION.sql_mode;

SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES');

-- REVIEW: changes the type of people.mood from enum('sad','meh','ok','happy','ecstatic') to enum('sad','ok','happy'): values not among its members fail it in strict mode, and the table is left as it was; every other value is kept
ALTER TABLE `people` MODIFY COLUMN `mood` enum('sad','ok','happy');

SET SESSION sql_mode = @retort_sql_mode;
