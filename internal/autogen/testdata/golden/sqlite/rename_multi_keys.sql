-- upgrade
ALTER TABLE parent RENAME COLUMN k2 TO _retort_tmp_k2;

ALTER TABLE parent RENAME COLUMN k1 TO k2;

ALTER TABLE parent RENAME COLUMN _retort_tmp_k2 TO k1;

ALTER TABLE child RENAME COLUMN pb TO pc;

ALTER TABLE child RENAME COLUMN pa TO pb;

DROP INDEX child_pb;

CREATE INDEX child_pb ON child (pc);

-- downgrade
DROP INDEX child_pb;

CREATE INDEX child_pb ON child (pc);

ALTER TABLE child RENAME COLUMN pb TO pa;

ALTER TABLE child RENAME COLUMN pc TO pb;

ALTER TABLE parent RENAME COLUMN k1 TO _retort_tmp_k2;

ALTER TABLE parent RENAME COLUMN k2 TO k1;

ALTER TABLE parent RENAME COLUMN _retort_tmp_k2 TO k2;
