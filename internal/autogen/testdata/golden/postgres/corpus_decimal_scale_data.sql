-- upgrade
-- +retort StatementBegin
DO $retort$BEGIN IF EXISTS (SELECT FROM ledger WHERE amount IS NOT NULL AND CAST(CAST(amount AS numeric(10,2)) AS numeric(12,4)) IS DISTINCT FROM amount) THEN RAISE EXCEPTION 'retort: ledger.amount holds values that numeric(10,2) cannot hold unchanged; change or delete them first (the type change was not made)'; END IF; END$retort$;
-- +retort StatementEnd

-- REVIEW: changes the type of ledger.amount from numeric(12,4) to numeric(10,2): values of 9 or more digits before the point, or with more than 2 after it, fail the statement above, and nothing is changed; every other value is kept
ALTER TABLE ledger ALTER COLUMN amount TYPE numeric(10,2);

ALTER TABLE ledger ALTER COLUMN fee TYPE numeric(10,2);

-- +retort StatementBegin
DO $retort$BEGIN IF EXISTS (SELECT FROM ledger WHERE units IS NOT NULL AND CAST(CAST(units AS numeric(10,3)) AS integer) IS DISTINCT FROM units) THEN RAISE EXCEPTION 'retort: ledger.units holds values that numeric(10,3) cannot hold unchanged; change or delete them first (the type change was not made)'; END IF; END$retort$;
-- +retort StatementEnd

-- REVIEW: changes the type of ledger.units from integer to numeric(10,3): values of 8 or more digits before the point, or with more than 3 after it, fail the statement above, and nothing is changed; every other value is kept
ALTER TABLE ledger ALTER COLUMN units TYPE numeric(10,3);

-- downgrade
-- +retort StatementBegin
DO $retort$BEGIN IF EXISTS (SELECT FROM ledger WHERE units IS NOT NULL AND CAST(CAST(units AS integer) AS numeric(10,3)) IS DISTINCT FROM units) THEN RAISE EXCEPTION 'retort: ledger.units holds values that integer cannot hold unchanged; change or delete them first (the type change was not made)'; END IF; END$retort$;
-- +retort StatementEnd

-- REVIEW: changes the type of ledger.units from numeric(10,3) to integer: values outside integer's range or with a fractional part fail the statement above, and nothing is changed; every other value is kept
ALTER TABLE ledger ALTER COLUMN units TYPE integer;

-- +retort StatementBegin
DO $retort$BEGIN IF EXISTS (SELECT FROM ledger WHERE fee IS NOT NULL AND CAST(CAST(fee AS numeric(6,2)) AS numeric(10,2)) IS DISTINCT FROM fee) THEN RAISE EXCEPTION 'retort: ledger.fee holds values that numeric(6,2) cannot hold unchanged; change or delete them first (the type change was not made)'; END IF; END$retort$;
-- +retort StatementEnd

-- REVIEW: changes the type of ledger.fee from numeric(10,2) to numeric(6,2): values of 5 or more digits before the point, or with more than 2 after it, fail the statement above, and nothing is changed; every other value is kept
ALTER TABLE ledger ALTER COLUMN fee TYPE numeric(6,2);

ALTER TABLE ledger ALTER COLUMN amount TYPE numeric(12,4);
