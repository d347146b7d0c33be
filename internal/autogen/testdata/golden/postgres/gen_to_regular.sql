-- upgrade
ALTER TABLE g ALTER COLUMN total DROP EXPRESSION;

-- downgrade
-- REVIEW: recreates g.total as a generated column: the values it holds are replaced by (price * qty)
ALTER TABLE g DROP COLUMN total;

ALTER TABLE g ADD COLUMN total integer GENERATED ALWAYS AS ((price * qty)) STORED;
