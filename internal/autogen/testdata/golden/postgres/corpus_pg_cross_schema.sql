-- upgrade
ALTER TABLE billing.invoices DROP CONSTRAINT invoices_customer_id_fkey;

CREATE SCHEMA audit;

CREATE TABLE audit.events (
    id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
    invoice_id integer,
    PRIMARY KEY (id),
    CONSTRAINT events_invoice_id_fkey FOREIGN KEY (invoice_id) REFERENCES billing.invoices (id)
);

ALTER TABLE billing.invoices ADD COLUMN total numeric(10,2);

CREATE INDEX invoices_customer ON billing.invoices (customer_id);

ALTER TABLE customers ADD COLUMN name text;

ALTER TABLE billing.invoices ADD CONSTRAINT invoices_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE CASCADE;

-- downgrade
ALTER TABLE billing.invoices DROP CONSTRAINT invoices_customer_id_fkey;

-- REVIEW: drops column customers.name and its data
ALTER TABLE customers DROP COLUMN name;

DROP INDEX billing.invoices_customer;

-- REVIEW: drops column billing.invoices.total and its data
ALTER TABLE billing.invoices DROP COLUMN total;

-- REVIEW: drops table audit.events and all its data
DROP TABLE audit.events;

-- REVIEW: drops schema audit
DROP SCHEMA audit;

ALTER TABLE billing.invoices ADD CONSTRAINT invoices_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES customers (id);
