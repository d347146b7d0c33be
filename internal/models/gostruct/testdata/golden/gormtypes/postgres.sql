CREATE TABLE payers (
    id uuid DEFAULT gen_random_uuid(),
    created_at timestamptz,
    updated_at timestamptz,
    deleted_at timestamptz,
    name varchar(80),
    PRIMARY KEY (id)
);
CREATE INDEX idx_payers_deleted_at ON payers (deleted_at);
CREATE TABLE invoices (
    id uuid DEFAULT gen_random_uuid(),
    created_at timestamptz,
    updated_at timestamptz,
    deleted_at timestamptz,
    number varchar(32) NOT NULL,
    amount numeric(12,2) NOT NULL,
    lines JSONB NOT NULL,
    meta text,
    paid timestamptz,
    attempts integer,
    tax numeric(6, 3),
    notes text,
    payer_id uuid,
    PRIMARY KEY (id),
    CONSTRAINT fk_invoices_payer FOREIGN KEY (payer_id) REFERENCES payers (id)
);
CREATE INDEX idx_invoices_deleted_at ON invoices (deleted_at);
CREATE UNIQUE INDEX idx_invoices_number ON invoices (number);
