-- upgrade
DROP INDEX old_name;

CREATE INDEX new_name ON t (a, b);

-- downgrade
DROP INDEX new_name;

CREATE INDEX old_name ON t (a, b);
