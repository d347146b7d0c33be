-- upgrade
-- REVIEW: changes the type of conv.a from text to integer with USING a::integer: the cast fails on values it cannot convert
ALTER TABLE conv ALTER COLUMN a TYPE integer USING a::integer;

-- REVIEW: changes the type of conv.b from character varying(5) to boolean with USING b::boolean: the cast fails on values it cannot convert
ALTER TABLE conv ALTER COLUMN b TYPE boolean USING b::boolean;

-- REVIEW: changes the type of conv.c from integer to text: fails or loses data if existing values do not fit
ALTER TABLE conv ALTER COLUMN c TYPE text;

-- REVIEW: changes the type of conv.d from timestamp without time zone to timestamp with time zone: fails or loses data if existing values do not fit
ALTER TABLE conv ALTER COLUMN d TYPE timestamp with time zone;

-- REVIEW: changes the type of conv.e from numeric(10,2) to integer: fails or loses data if existing values do not fit
ALTER TABLE conv ALTER COLUMN e TYPE integer;

ALTER TABLE conv ALTER COLUMN f DROP DEFAULT;

-- REVIEW: changes the type of conv.f from text to jsonb with USING f::jsonb: the cast fails on values it cannot convert
ALTER TABLE conv ALTER COLUMN f TYPE jsonb USING f::jsonb;

ALTER TABLE conv ALTER COLUMN f SET DEFAULT '{}'::jsonb;

-- downgrade
ALTER TABLE conv ALTER COLUMN f DROP DEFAULT;

-- REVIEW: changes the type of conv.f from jsonb to text: fails or loses data if existing values do not fit
ALTER TABLE conv ALTER COLUMN f TYPE text;

ALTER TABLE conv ALTER COLUMN f SET DEFAULT '{}'::text;

-- REVIEW: changes the type of conv.e from integer to numeric(10,2): fails or loses data if existing values do not fit
ALTER TABLE conv ALTER COLUMN e TYPE numeric(10,2);

-- REVIEW: changes the type of conv.d from timestamp with time zone to timestamp without time zone: fails or loses data if existing values do not fit
ALTER TABLE conv ALTER COLUMN d TYPE timestamp without time zone;

-- REVIEW: changes the type of conv.c from text to integer with USING c::integer: the cast fails on values it cannot convert
ALTER TABLE conv ALTER COLUMN c TYPE integer USING c::integer;

-- REVIEW: changes the type of conv.b from boolean to character varying(5): fails or loses data if existing values do not fit
ALTER TABLE conv ALTER COLUMN b TYPE character varying(5);

-- REVIEW: changes the type of conv.a from integer to text: fails or loses data if existing values do not fit
ALTER TABLE conv ALTER COLUMN a TYPE text;
