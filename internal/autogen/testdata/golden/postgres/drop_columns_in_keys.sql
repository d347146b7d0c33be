-- upgrade
ALTER TABLE t DROP CONSTRAINT t_e_fkey;

ALTER TABLE t DROP CONSTRAINT t_pkey;

ALTER TABLE t DROP CONSTRAINT uq_t_cd;

DROP INDEX ix_t_de;

-- REVIEW: drops column t.b and its data
ALTER TABLE t DROP COLUMN b;

-- REVIEW: drops column t.d and its data
ALTER TABLE t DROP COLUMN d;

-- REVIEW: drops column t.e and its data
ALTER TABLE t DROP COLUMN e;

-- REVIEW: fails if existing rows hold duplicates or NULLs
ALTER TABLE t ADD CONSTRAINT t_pkey PRIMARY KEY (a);

CREATE INDEX ix_t_c ON t (c);

-- downgrade
DROP INDEX ix_t_c;

ALTER TABLE t DROP CONSTRAINT t_pkey;

ALTER TABLE t ADD COLUMN e integer;

ALTER TABLE t ADD COLUMN d integer;

-- REVIEW: adds NOT NULL column t.b without a default: fails if the table has rows
ALTER TABLE t ADD COLUMN b integer NOT NULL;

CREATE INDEX ix_t_de ON t (d, e);

-- REVIEW: fails if existing rows hold duplicates
ALTER TABLE t ADD CONSTRAINT uq_t_cd UNIQUE (c, d);

-- REVIEW: fails if existing rows hold duplicates or NULLs
ALTER TABLE t ADD CONSTRAINT t_pkey PRIMARY KEY (a, b);

ALTER TABLE t ADD CONSTRAINT t_e_fkey FOREIGN KEY (e) REFERENCES parent (id);
