CREATE TABLE gadgets (
    id bigserial,
    label varchar(50) DEFAULT 'it''s "x',
    tag varchar(30),
    label2 varchar(30),
    "when" timestamptz NOT NULL,
    maybe timestamptz,
    seq bigint DEFAULT 0 NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT chk_gadgets_label2 CHECK (label2 <> '')
);
COMMENT ON COLUMN gadgets.label IS E'it''s a \\ label';
CREATE INDEX idx_gadget_tag ON gadgets (tag DESC);
CREATE UNIQUE INDEX ux_gadget_tag_label ON gadgets (label2, tag);
CREATE TABLE parts (
    id bigserial,
    gadget_id bigint,
    weight numeric(8, 3),
    PRIMARY KEY (id),
    CONSTRAINT fk_gadgets_parts FOREIGN KEY (gadget_id) REFERENCES gadgets (id)
);
CREATE INDEX idx_parts_gadget_id ON parts USING btree (gadget_id);
