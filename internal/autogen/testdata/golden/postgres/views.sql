-- upgrade
DROP VIEW v_old;

DROP VIEW v_keep;

DROP VIEW v_change;

ALTER TABLE t ALTER COLUMN a TYPE character varying(40);

CREATE VIEW v_change AS
SELECT t.id,
    t.b,
    t.a
   FROM t
  WHERE t.b > 0;

CREATE VIEW v_keep AS
SELECT t.id,
    t.a
   FROM t;

CREATE VIEW v_new AS
SELECT v_keep.id
   FROM v_keep;

-- downgrade
DROP VIEW v_new;

DROP VIEW v_keep;

DROP VIEW v_change;

-- REVIEW: changes the type of t.a from character varying(40) to character varying(20): fails or loses data if existing values do not fit
ALTER TABLE t ALTER COLUMN a TYPE character varying(20);

CREATE VIEW v_change AS
SELECT t.id,
    t.b
   FROM t;

CREATE VIEW v_keep AS
SELECT t.id,
    t.a
   FROM t;

CREATE VIEW v_old AS
SELECT t.id
   FROM t;
