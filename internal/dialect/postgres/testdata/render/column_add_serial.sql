-- up
CREATE SEQUENCE m_numbers AS integer;
ALTER TABLE counters ADD COLUMN m integer DEFAULT nextval('m_numbers'::regclass) NOT NULL;
ALTER SEQUENCE m_numbers OWNED BY counters.m;
COMMENT ON SEQUENCE m_numbers IS 'owned';
-- down
-- review: drops column counters.m and its data
ALTER TABLE counters DROP COLUMN m;
