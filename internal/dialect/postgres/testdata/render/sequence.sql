-- up
CREATE SEQUENCE shop.tickets AS integer INCREMENT BY 2 START WITH 100 CACHE 20 CYCLE;
COMMENT ON SEQUENCE shop.tickets IS 'ticket numbers';
-- down
DROP SEQUENCE shop.tickets;
