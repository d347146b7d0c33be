-- upgrade
ALTER TABLE ship DROP CONSTRAINT ship_order_id_n_fkey;

ALTER TABLE acct ALTER COLUMN id DROP DEFAULT;

ALTER TABLE acct ALTER COLUMN id TYPE bigint;

ALTER SEQUENCE acct_id_seq AS bigint MAXVALUE 9223372036854775807;

ALTER TABLE acct ALTER COLUMN id SET DEFAULT nextval('acct_id_seq'::regclass);

ALTER TABLE line ADD COLUMN total numeric GENERATED ALWAYS AS ((price * (qty)::numeric)) STORED;

ALTER TABLE ship ADD CONSTRAINT ship_order_id_n_fkey FOREIGN KEY (order_id, n) REFERENCES line (order_id, n) ON DELETE CASCADE;

-- downgrade
ALTER TABLE ship DROP CONSTRAINT ship_order_id_n_fkey;

ALTER TABLE line DROP COLUMN total;

ALTER TABLE acct ALTER COLUMN id DROP DEFAULT;

-- +retort StatementBegin
DO $retort$BEGIN IF EXISTS (SELECT FROM acct WHERE id IS NOT NULL AND CAST(CAST(id AS integer) AS bigint) IS DISTINCT FROM id) THEN RAISE EXCEPTION 'retort: acct.id holds values that integer cannot hold unchanged; change or delete them first (the type change was not made)'; END IF; END$retort$;
-- +retort StatementEnd

-- REVIEW: changes the type of acct.id from bigint to integer: values outside integer's range fail the statement above, and nothing is changed; every other value is kept
ALTER TABLE acct ALTER COLUMN id TYPE integer;

-- REVIEW: narrows the bounds of sequence acct_id_seq to [1, 2147483647]: if its current value is outside them it restarts at its start value 1, and values it handed out before may come again
-- +retort StatementBegin
DO $retort$BEGIN IF (SELECT last_value FROM acct_id_seq) NOT BETWEEN 1 AND 2147483647 THEN ALTER SEQUENCE acct_id_seq AS integer MAXVALUE 2147483647 RESTART; ELSE ALTER SEQUENCE acct_id_seq AS integer MAXVALUE 2147483647; END IF; END$retort$;
-- +retort StatementEnd

ALTER TABLE acct ALTER COLUMN id SET DEFAULT nextval('acct_id_seq'::regclass);

ALTER TABLE ship ADD CONSTRAINT ship_order_id_n_fkey FOREIGN KEY (order_id, n) REFERENCES line (order_id, n);
