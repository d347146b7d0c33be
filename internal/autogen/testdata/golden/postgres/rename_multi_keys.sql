-- upgrade
ALTER TABLE parent RENAME COLUMN k2 TO _retort_tmp_k2;

ALTER TABLE parent RENAME COLUMN k1 TO k2;

ALTER TABLE parent RENAME COLUMN _retort_tmp_k2 TO k1;

ALTER TABLE child RENAME COLUMN pb TO pc;

ALTER TABLE child RENAME COLUMN pa TO pb;

ALTER TABLE child RENAME CONSTRAINT child_pa_fkey TO child_pb_fkey;

ALTER TABLE parent RENAME CONSTRAINT parent_k2_key TO parent_k1_key;

ALTER TABLE parent RENAME CONSTRAINT parent_k2_check TO parent_k1_check;

-- downgrade
ALTER TABLE parent RENAME CONSTRAINT parent_k1_check TO parent_k2_check;

ALTER TABLE parent RENAME CONSTRAINT parent_k1_key TO parent_k2_key;

ALTER TABLE child RENAME CONSTRAINT child_pb_fkey TO child_pa_fkey;

ALTER TABLE child RENAME COLUMN pb TO pa;

ALTER TABLE child RENAME COLUMN pc TO pb;

ALTER TABLE parent RENAME COLUMN k1 TO _retort_tmp_k2;

ALTER TABLE parent RENAME COLUMN k2 TO k1;

ALTER TABLE parent RENAME COLUMN _retort_tmp_k2 TO k2;
