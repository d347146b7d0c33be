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

-- +retort StatementBegin
DO $retort$BEGIN IF EXISTS (SELECT FROM t WHERE a IS NOT NULL AND CAST(CAST(a AS character varying(20)) AS character varying(40)) IS DISTINCT FROM a) THEN RAISE EXCEPTION 'retort: t.a holds values that character varying(20) cannot hold unchanged; change or delete them first (the type change was not made)'; END IF; END$retort$;
-- +retort StatementEnd

-- REVIEW: changes the type of t.a from character varying(40) to character varying(20): strings longer than 20 characters fail the statement above, and nothing is changed; every other value is kept
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
