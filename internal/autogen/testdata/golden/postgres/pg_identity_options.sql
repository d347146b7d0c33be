-- upgrade
-- REVIEW: narrows the bounds of sequence counter to [1, 3]: if its current value is outside them it restarts at its start value 1, and values it handed out before may come again
-- +retort StatementBegin
DO $retort$BEGIN IF (SELECT last_value FROM counter) NOT BETWEEN 1 AND 3 THEN ALTER SEQUENCE counter MINVALUE 1 MAXVALUE 3 START WITH 1 RESTART; ELSE ALTER SEQUENCE counter MINVALUE 1 MAXVALUE 3 START WITH 1; END IF; END$retort$;
-- +retort StatementEnd

-- REVIEW: narrows the bounds of sequence a_id_seq to [10, 2147483647]: if its current value is outside them it restarts at its start value 10, and values it handed out before may come again
-- +retort StatementBegin
DO $retort$BEGIN IF (SELECT last_value FROM a_id_seq) NOT BETWEEN 10 AND 2147483647 THEN ALTER TABLE a ALTER COLUMN id SET MINVALUE 10 SET START WITH 10 SET CACHE 5 RESTART; ELSE ALTER TABLE a ALTER COLUMN id SET MINVALUE 10 SET START WITH 10 SET CACHE 5; END IF; END$retort$;
-- +retort StatementEnd

-- REVIEW: narrows the bounds of sequence b_id_seq to [1, 90]: if its current value is outside them it restarts at its start value 90, and values it handed out before may come again
-- +retort StatementBegin
DO $retort$BEGIN IF (SELECT last_value FROM b_id_seq) NOT BETWEEN 1 AND 90 THEN ALTER TABLE b ALTER COLUMN id SET INCREMENT BY -1 SET MINVALUE 1 SET MAXVALUE 90 SET START WITH 90 SET CYCLE RESTART; ELSE ALTER TABLE b ALTER COLUMN id SET INCREMENT BY -1 SET MINVALUE 1 SET MAXVALUE 90 SET START WITH 90 SET CYCLE; END IF; END$retort$;
-- +retort StatementEnd

-- REVIEW: narrows the bounds of sequence c_id_seq to [1000, 5000]: if its current value is outside them it restarts at its start value 1000, and values it handed out before may come again
-- +retort StatementBegin
DO $retort$BEGIN IF (SELECT last_value FROM c_id_seq) NOT BETWEEN 1000 AND 5000 THEN ALTER SEQUENCE c_id_seq MINVALUE 1000 MAXVALUE 5000 START WITH 1000 RESTART; ELSE ALTER SEQUENCE c_id_seq MINVALUE 1000 MAXVALUE 5000 START WITH 1000; END IF; END$retort$;
-- +retort StatementEnd

-- downgrade
ALTER SEQUENCE c_id_seq MINVALUE 1 MAXVALUE 2147483647 START WITH 1;

-- REVIEW: narrows the bounds of sequence b_id_seq to [50, 100000]: if its current value is outside them it restarts at its start value 100, and values it handed out before may come again
-- +retort StatementBegin
DO $retort$BEGIN IF (SELECT last_value FROM b_id_seq) NOT BETWEEN 50 AND 100000 THEN ALTER TABLE b ALTER COLUMN id SET INCREMENT BY 1 SET MINVALUE 50 SET MAXVALUE 100000 SET START WITH 100 SET NO CYCLE RESTART; ELSE ALTER TABLE b ALTER COLUMN id SET INCREMENT BY 1 SET MINVALUE 50 SET MAXVALUE 100000 SET START WITH 100 SET NO CYCLE; END IF; END$retort$;
-- +retort StatementEnd

ALTER TABLE a ALTER COLUMN id SET MINVALUE 1 SET START WITH 1 SET CACHE 1;

-- REVIEW: narrows the bounds of sequence counter to [5, 9223372036854775807]: if its current value is outside them it restarts at its start value 5, and values it handed out before may come again
-- +retort StatementBegin
DO $retort$BEGIN IF (SELECT last_value FROM counter) NOT BETWEEN 5 AND 9223372036854775807 THEN ALTER SEQUENCE counter MINVALUE 5 MAXVALUE 9223372036854775807 START WITH 5 RESTART; ELSE ALTER SEQUENCE counter MINVALUE 5 MAXVALUE 9223372036854775807 START WITH 5; END IF; END$retort$;
-- +retort StatementEnd
