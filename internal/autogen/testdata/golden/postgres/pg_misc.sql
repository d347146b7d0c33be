-- upgrade
ALTER TABLE ledger DROP CONSTRAINT ledger_acct_id_fkey;

ALTER TABLE acct DROP COLUMN total;

ALTER TABLE acct ADD COLUMN total numeric GENERATED ALWAYS AS ((amount * (3)::numeric)) STORED;

ALTER TABLE acct ADD COLUMN code character varying(3) COLLATE "C";

ALTER TABLE acct ALTER COLUMN id SET DEFAULT gen_random_uuid();

ALTER TABLE acct ALTER COLUMN name TYPE text COLLATE "default";

COMMENT ON COLUMN acct.name IS 'new "quoted" comment''s';

ALTER TABLE acct ALTER COLUMN active DROP DEFAULT;

-- REVIEW: fails if acct.active holds NULLs
ALTER TABLE acct ALTER COLUMN active SET NOT NULL;

ALTER TABLE acct ALTER COLUMN active SET DEFAULT false;

ALTER TABLE acct ALTER COLUMN data TYPE jsonb;

-- REVIEW: fails if existing rows hold duplicates
ALTER TABLE acct ADD CONSTRAINT acct_code_key UNIQUE (code) DEFERRABLE INITIALLY DEFERRED;

-- REVIEW: fails if existing rows violate the check
ALTER TABLE acct ADD CONSTRAINT acct_amount_check CHECK (amount >= 0::numeric);

COMMENT ON TABLE acct IS NULL;

ALTER TABLE ledger ADD CONSTRAINT ledger_acct_id_fkey FOREIGN KEY (acct_id) REFERENCES acct (id) DEFERRABLE INITIALLY DEFERRED;

-- downgrade
ALTER TABLE ledger DROP CONSTRAINT ledger_acct_id_fkey;

COMMENT ON TABLE acct IS 'accounts';

ALTER TABLE acct DROP CONSTRAINT acct_amount_check;

ALTER TABLE acct DROP CONSTRAINT acct_code_key;

-- REVIEW: changes the type of acct.data from jsonb to json with USING data::json: the cast fails on values it cannot convert, and the change with it (nothing is changed)
ALTER TABLE acct ALTER COLUMN data TYPE json USING data::json;

ALTER TABLE acct ALTER COLUMN active DROP DEFAULT;

ALTER TABLE acct ALTER COLUMN active DROP NOT NULL;

ALTER TABLE acct ALTER COLUMN active SET DEFAULT true;

ALTER TABLE acct ALTER COLUMN name TYPE text COLLATE "C";

COMMENT ON COLUMN acct.name IS 'old';

ALTER TABLE acct ALTER COLUMN id DROP DEFAULT;

-- REVIEW: drops column acct.code and its data
ALTER TABLE acct DROP COLUMN code;

ALTER TABLE acct DROP COLUMN total;

ALTER TABLE acct ADD COLUMN total numeric GENERATED ALWAYS AS ((amount * (2)::numeric)) STORED;

ALTER TABLE ledger ADD CONSTRAINT ledger_acct_id_fkey FOREIGN KEY (acct_id) REFERENCES acct (id);
