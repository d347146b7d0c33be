-- upgrade
-- REVIEW: changes the type of flags.a from boolean to double precision with USING a::integer::double precision: the cast fails on values it cannot convert, and the change with it (nothing is changed)
ALTER TABLE flags ALTER COLUMN a TYPE double precision USING a::integer::double precision;

-- REVIEW: changes the type of flags.b from boolean to bigint with USING b::integer::bigint: the cast fails on values it cannot convert, and the change with it (nothing is changed)
ALTER TABLE flags ALTER COLUMN b TYPE bigint USING b::integer::bigint;

-- REVIEW: changes the type of flags.c from double precision to boolean with USING c::integer::boolean: the cast fails on values it cannot convert, and the change with it (nothing is changed)
ALTER TABLE flags ALTER COLUMN c TYPE boolean USING c::integer::boolean;

-- REVIEW: changes the type of flags.d from numeric(4,1) to boolean with USING d::integer::boolean: the cast fails on values it cannot convert, and the change with it (nothing is changed)
ALTER TABLE flags ALTER COLUMN d TYPE boolean USING d::integer::boolean;

-- REVIEW: changes the type of flags.e from bigint to boolean with USING e::integer::boolean: the cast fails on values it cannot convert, and the change with it (nothing is changed)
ALTER TABLE flags ALTER COLUMN e TYPE boolean USING e::integer::boolean;

-- downgrade
-- REVIEW: changes the type of flags.e from boolean to bigint with USING e::integer::bigint: the cast fails on values it cannot convert, and the change with it (nothing is changed)
ALTER TABLE flags ALTER COLUMN e TYPE bigint USING e::integer::bigint;

-- REVIEW: changes the type of flags.d from boolean to numeric(4,1) with USING d::integer::numeric(4,1): the cast fails on values it cannot convert, and the change with it (nothing is changed)
ALTER TABLE flags ALTER COLUMN d TYPE numeric(4,1) USING d::integer::numeric(4,1);

-- REVIEW: changes the type of flags.c from boolean to double precision with USING c::integer::double precision: the cast fails on values it cannot convert, and the change with it (nothing is changed)
ALTER TABLE flags ALTER COLUMN c TYPE double precision USING c::integer::double precision;

-- REVIEW: changes the type of flags.b from bigint to boolean with USING b::integer::boolean: the cast fails on values it cannot convert, and the change with it (nothing is changed)
ALTER TABLE flags ALTER COLUMN b TYPE boolean USING b::integer::boolean;

-- REVIEW: changes the type of flags.a from double precision to boolean with USING a::integer::boolean: the cast fails on values it cannot convert, and the change with it (nothing is changed)
ALTER TABLE flags ALTER COLUMN a TYPE boolean USING a::integer::boolean;
