-- upgrade
-- REVIEW: recreates enum type color, rewriting the columns that use it, because this migration uses its new values (PostgreSQL cannot use values added by ALTER TYPE … ADD VALUE in the same transaction)
ALTER TYPE color RENAME TO color__retort_old;

CREATE TYPE color AS ENUM ('red', 'green', 'blue');

ALTER TABLE shop."Order" ALTER COLUMN colors DROP DEFAULT;

ALTER TABLE shop."Order" ALTER COLUMN colors TYPE color[] USING colors::text[]::color[];

ALTER TABLE shop."Order" ALTER COLUMN colors SET DEFAULT '{red}'::color[];

DROP TYPE color__retort_old;

ALTER TYPE order_status ADD VALUE 'packed' BEFORE 'shipped';

ALTER TYPE order_status ADD VALUE 'delivered' AFTER 'shipped';

-- REVIEW: recreates enum type shop.size to remove or reorder values, rewriting the columns that use it: fails if a column holds a value that is gone
ALTER TYPE shop.size RENAME TO size__retort_old;

CREATE TYPE shop.size AS ENUM ('s', 'm', 'l');

ALTER TABLE shop."Order" ALTER COLUMN size DROP DEFAULT;

ALTER TABLE shop."Order" ALTER COLUMN size TYPE shop.size USING size::text::shop.size;

ALTER TABLE shop."Order" ALTER COLUMN size SET DEFAULT 'm'::shop.size;

DROP TYPE shop.size__retort_old;

ALTER TABLE shop."Order" ALTER COLUMN colors DROP DEFAULT;

ALTER TABLE shop."Order" ALTER COLUMN colors SET DEFAULT '{red,blue}'::color[];

-- downgrade
ALTER TABLE shop."Order" ALTER COLUMN colors DROP DEFAULT;

ALTER TABLE shop."Order" ALTER COLUMN colors SET DEFAULT '{red}'::color[];

ALTER TYPE shop.size ADD VALUE 'xl' AFTER 'l';

-- REVIEW: recreates enum type order_status to remove or reorder values, rewriting the columns that use it: fails if a column holds a value that is gone
ALTER TYPE order_status RENAME TO order_status__retort_old;

CREATE TYPE order_status AS ENUM ('pending', 'paid', 'shipped');

ALTER TABLE shop."Order" ALTER COLUMN status DROP DEFAULT;

ALTER TABLE shop."Order" ALTER COLUMN status TYPE order_status USING status::text::order_status;

ALTER TABLE shop."Order" ALTER COLUMN status SET DEFAULT 'pending'::order_status;

DROP TYPE order_status__retort_old;

-- REVIEW: recreates enum type color to remove or reorder values, rewriting the columns that use it: fails if a column holds a value that is gone
ALTER TYPE color RENAME TO color__retort_old;

CREATE TYPE color AS ENUM ('red', 'green');

ALTER TABLE shop."Order" ALTER COLUMN colors DROP DEFAULT;

ALTER TABLE shop."Order" ALTER COLUMN colors TYPE color[] USING colors::text[]::color[];

ALTER TABLE shop."Order" ALTER COLUMN colors SET DEFAULT '{red}'::color[];

DROP TYPE color__retort_old;
