-- upgrade
ALTER TABLE acct ALTER COLUMN bal TYPE bigint;

-- REVIEW: fails if acct.bal holds NULLs
ALTER TABLE acct ALTER COLUMN bal SET NOT NULL;

COMMENT ON COLUMN acct.bal IS 'balance in cents';

COMMENT ON COLUMN acct.owner IS 'login name';

-- downgrade
COMMENT ON COLUMN acct.owner IS 'login';

-- +retort StatementBegin
DO $retort$BEGIN IF EXISTS (SELECT FROM acct WHERE bal IS NOT NULL AND CAST(CAST(bal AS integer) AS bigint) IS DISTINCT FROM bal) THEN RAISE EXCEPTION 'retort: acct.bal holds values that integer cannot hold unchanged; change or delete them first (the type change was not made)'; END IF; END$retort$;
-- +retort StatementEnd

-- REVIEW: changes the type of acct.bal from bigint to integer: values outside integer's range fail the statement above, and nothing is changed; every other value is kept
ALTER TABLE acct ALTER COLUMN bal TYPE integer;

ALTER TABLE acct ALTER COLUMN bal DROP NOT NULL;

COMMENT ON COLUMN acct.bal IS 'cents';
