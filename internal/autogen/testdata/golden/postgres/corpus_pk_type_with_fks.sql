-- upgrade
ALTER TABLE audits DROP CONSTRAINT audits_account;

ALTER TABLE entries DROP CONSTRAINT entries_account;

ALTER TABLE accounts ALTER COLUMN id TYPE bigint;

ALTER TABLE audits ALTER COLUMN account_id TYPE bigint;

ALTER TABLE entries ALTER COLUMN account_id TYPE bigint;

ALTER TABLE audits ADD CONSTRAINT audits_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE SET NULL;

ALTER TABLE entries ADD CONSTRAINT entries_account FOREIGN KEY (account_id) REFERENCES accounts (id);

-- downgrade
ALTER TABLE entries DROP CONSTRAINT entries_account;

ALTER TABLE audits DROP CONSTRAINT audits_account;

-- +retort StatementBegin
DO $retort$BEGIN IF EXISTS (SELECT FROM entries WHERE account_id IS NOT NULL AND CAST(CAST(account_id AS integer) AS bigint) IS DISTINCT FROM account_id) THEN RAISE EXCEPTION 'retort: entries.account_id holds values that integer cannot hold unchanged; change or delete them first (the type change was not made)'; END IF; END$retort$;
-- +retort StatementEnd

-- REVIEW: changes the type of entries.account_id from bigint to integer: values outside integer's range fail the statement above, and nothing is changed; every other value is kept
ALTER TABLE entries ALTER COLUMN account_id TYPE integer;

-- +retort StatementBegin
DO $retort$BEGIN IF EXISTS (SELECT FROM audits WHERE account_id IS NOT NULL AND CAST(CAST(account_id AS integer) AS bigint) IS DISTINCT FROM account_id) THEN RAISE EXCEPTION 'retort: audits.account_id holds values that integer cannot hold unchanged; change or delete them first (the type change was not made)'; END IF; END$retort$;
-- +retort StatementEnd

-- REVIEW: changes the type of audits.account_id from bigint to integer: values outside integer's range fail the statement above, and nothing is changed; every other value is kept
ALTER TABLE audits ALTER COLUMN account_id TYPE integer;

-- +retort StatementBegin
DO $retort$BEGIN IF EXISTS (SELECT FROM accounts WHERE id IS NOT NULL AND CAST(CAST(id AS integer) AS bigint) IS DISTINCT FROM id) THEN RAISE EXCEPTION 'retort: accounts.id holds values that integer cannot hold unchanged; change or delete them first (the type change was not made)'; END IF; END$retort$;
-- +retort StatementEnd

-- REVIEW: changes the type of accounts.id from bigint to integer: values outside integer's range fail the statement above, and nothing is changed; every other value is kept
ALTER TABLE accounts ALTER COLUMN id TYPE integer;

ALTER TABLE entries ADD CONSTRAINT entries_account FOREIGN KEY (account_id) REFERENCES accounts (id);

ALTER TABLE audits ADD CONSTRAINT audits_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE SET NULL;
