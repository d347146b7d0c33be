-- upgrade
-- REVIEW: fails if existing rows hold duplicates or NULLs
ALTER TABLE nokey ADD CONSTRAINT nokey_pkey PRIMARY KEY (a);

ALTER TABLE order_lines DROP CONSTRAINT order_lines_pkey;

-- REVIEW: fails if existing rows hold duplicates or NULLs
ALTER TABLE order_lines ADD CONSTRAINT order_lines_pkey PRIMARY KEY (order_id, line_no);

-- downgrade
ALTER TABLE order_lines DROP CONSTRAINT order_lines_pkey;

-- REVIEW: fails if existing rows hold duplicates or NULLs
ALTER TABLE order_lines ADD CONSTRAINT order_lines_pkey PRIMARY KEY (id);

ALTER TABLE nokey DROP CONSTRAINT nokey_pkey;
