-- upgrade
DROP INDEX `a_x` ON `a`;

DROP INDEX `a_xy` ON `a`;

DROP INDEX `a_z` ON `a`;

CREATE INDEX `b_x` ON `b` (`x`);

CREATE INDEX `b_yx` ON `b` (`y`, `x`);

-- REVIEW: fails if existing rows hold duplicates
CREATE UNIQUE INDEX `b_z` ON `b` (`z`);

-- downgrade
DROP INDEX `b_z` ON `b`;

DROP INDEX `b_yx` ON `b`;

DROP INDEX `b_x` ON `b`;

-- REVIEW: fails if existing rows hold duplicates
CREATE UNIQUE INDEX `a_z` ON `a` (`z`);

CREATE INDEX `a_xy` ON `a` (`x`, `y`);

CREATE INDEX `a_x` ON `a` (`x`);
