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

ALTER SEQUENCE acct_id_seq AS integer MAXVALUE 2147483647;

ALTER TABLE acct ALTER COLUMN id SET DEFAULT nextval('acct_id_seq'::regclass);

ALTER TABLE ship ADD CONSTRAINT ship_order_id_n_fkey FOREIGN KEY (order_id, n) REFERENCES line (order_id, n);
