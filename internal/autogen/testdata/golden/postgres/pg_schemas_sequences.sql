-- upgrade
CREATE SCHEMA billing;

CREATE SEQUENCE billing.invoice_no AS integer START WITH 1000;

-- REVIEW: narrows the bounds of sequence counter to [1, 1000000]: if its current value is outside them it restarts at its start value 10, and values it handed out before may come again
-- +retort StatementBegin
DO $retort$BEGIN IF (SELECT last_value FROM counter) NOT BETWEEN 1 AND 1000000 THEN ALTER SEQUENCE counter INCREMENT BY 5 MAXVALUE 1000000 CACHE 2 RESTART; ELSE ALTER SEQUENCE counter INCREMENT BY 5 MAXVALUE 1000000 CACHE 2; END IF; END$retort$;
-- +retort StatementEnd

COMMENT ON SEQUENCE counter IS 'counts';

CREATE TABLE billing.invoice (
    id bigserial,
    no integer DEFAULT nextval('billing.invoice_no'::regclass) NOT NULL,
    t_id integer,
    PRIMARY KEY (id),
    CONSTRAINT invoice_no_key UNIQUE (no),
    CONSTRAINT invoice_t_id_fkey FOREIGN KEY (t_id) REFERENCES t (id)
);

CREATE INDEX ix_invoice_t ON billing.invoice (t_id);

ALTER TABLE t ADD COLUMN n bigint DEFAULT nextval('counter'::regclass);

DROP SEQUENCE gone_seq;

-- downgrade
CREATE SEQUENCE gone_seq;

-- REVIEW: drops column t.n and its data
ALTER TABLE t DROP COLUMN n;

-- REVIEW: drops table billing.invoice and all its data
DROP TABLE billing.invoice;

ALTER SEQUENCE counter INCREMENT BY 1 MAXVALUE 9223372036854775807 CACHE 1;

COMMENT ON SEQUENCE counter IS NULL;

DROP SEQUENCE billing.invoice_no;

-- REVIEW: drops schema billing
DROP SCHEMA billing;
