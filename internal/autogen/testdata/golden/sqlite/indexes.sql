-- upgrade
DROP INDEX ix_t_a;

DROP INDEX ix_t_bc;

DROP INDEX ix_t_gone;

-- REVIEW: fails if existing rows hold duplicates
CREATE UNIQUE INDEX ix_t_a ON t (a);

CREATE INDEX ix_t_b_desc ON t (b DESC);

CREATE INDEX ix_t_bc ON t (c, b);

-- downgrade
DROP INDEX ix_t_bc;

DROP INDEX ix_t_b_desc;

DROP INDEX ix_t_a;

CREATE INDEX ix_t_gone ON t (c);

CREATE INDEX ix_t_bc ON t (b, c);

CREATE INDEX ix_t_a ON t (a);
