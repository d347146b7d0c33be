-- up
CREATE SEQUENCE m_numbers AS integer;
CREATE TABLE counters (
    id serial,
    n bigint GENERATED ALWAYS AS IDENTITY (INCREMENT BY 5 START WITH 10) NOT NULL,
    m integer DEFAULT nextval('m_numbers'::regclass) NOT NULL,
    doubled bigint GENERATED ALWAYS AS ((n * 2)) STORED
);
ALTER SEQUENCE m_numbers OWNED BY counters.m;
COMMENT ON SEQUENCE m_numbers IS 'owned';
-- down
-- review: drops table counters and all its data
DROP TABLE counters;
