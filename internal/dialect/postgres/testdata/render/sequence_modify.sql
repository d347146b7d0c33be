-- up
ALTER SEQUENCE shop.tickets AS bigint INCREMENT BY 1 MAXVALUE 9223372036854775807 NO CYCLE;
COMMENT ON SEQUENCE shop.tickets IS NULL;
-- down
-- review: narrows the bounds of sequence shop.tickets to [1, 2147483647]: if its current value is outside them it restarts at its start value 100, and values it handed out before may come again
DO $retort$BEGIN IF (SELECT last_value FROM shop.tickets) NOT BETWEEN 1 AND 2147483647 THEN ALTER SEQUENCE shop.tickets AS integer INCREMENT BY 2 MAXVALUE 2147483647 CYCLE RESTART; ELSE ALTER SEQUENCE shop.tickets AS integer INCREMENT BY 2 MAXVALUE 2147483647 CYCLE; END IF; END$retort$;
COMMENT ON SEQUENCE shop.tickets IS 'ticket numbers';
