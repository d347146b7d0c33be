-- upgrade
DROP VIEW billing.open_invoices;

ALTER TABLE billing.invoice DROP CONSTRAINT invoice_account_id_fkey;

CREATE TABLE billing."Line Item" (
    invoice_id integer NOT NULL,
    n integer NOT NULL,
    PRIMARY KEY (invoice_id, n),
    CONSTRAINT "Line Item_invoice_id_fkey" FOREIGN KEY (invoice_id) REFERENCES billing.invoice (id) ON DELETE CASCADE
);

COMMENT ON COLUMN account.name IS NULL;

COMMENT ON TABLE account IS 'the customer''s accounts';

ALTER TABLE billing.invoice ADD COLUMN due date;

ALTER TABLE billing.invoice ALTER COLUMN amount TYPE numeric(12,2);

COMMENT ON COLUMN billing.invoice.amount IS 'in euros';

CREATE INDEX ix_invoice_due ON billing.invoice (due DESC NULLS LAST) WHERE due IS NOT NULL;

COMMENT ON TABLE billing.invoice IS 'invoices';

ALTER TABLE billing.invoice ADD CONSTRAINT invoice_account_id_fkey FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE SET NULL;

CREATE VIEW billing.open_invoices AS
SELECT invoice.id,
    invoice.amount,
    invoice.due
   FROM billing.invoice
  WHERE invoice.amount > 0::numeric;

-- downgrade
DROP VIEW billing.open_invoices;

ALTER TABLE billing.invoice DROP CONSTRAINT invoice_account_id_fkey;

COMMENT ON TABLE billing.invoice IS NULL;

DROP INDEX billing.ix_invoice_due;

-- +retort StatementBegin
DO $retort$BEGIN IF EXISTS (SELECT FROM billing.invoice WHERE amount IS NOT NULL AND CAST(CAST(amount AS numeric(10,2)) AS numeric(12,2)) IS DISTINCT FROM amount) THEN RAISE EXCEPTION 'retort: billing.invoice.amount holds values that numeric(10,2) cannot hold unchanged; change or delete them first (the type change was not made)'; END IF; END$retort$;
-- +retort StatementEnd

-- REVIEW: changes the type of billing.invoice.amount from numeric(12,2) to numeric(10,2): values of 9 or more digits before the point, or with more than 2 after it, fail the statement above, and nothing is changed; every other value is kept
ALTER TABLE billing.invoice ALTER COLUMN amount TYPE numeric(10,2);

COMMENT ON COLUMN billing.invoice.amount IS 'in cents';

-- REVIEW: drops column billing.invoice.due and its data
ALTER TABLE billing.invoice DROP COLUMN due;

COMMENT ON TABLE account IS 'customer accounts';

COMMENT ON COLUMN account.name IS 'display name';

-- REVIEW: drops table billing.Line Item and all its data
DROP TABLE billing."Line Item";

ALTER TABLE billing.invoice ADD CONSTRAINT invoice_account_id_fkey FOREIGN KEY (account_id) REFERENCES account (id);

CREATE VIEW billing.open_invoices AS
SELECT invoice.id,
    invoice.amount
   FROM billing.invoice
  WHERE invoice.amount > 0::numeric;
