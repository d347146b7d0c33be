-- upgrade
ALTER TABLE m_tree DETACH PARTITION m_tree_1;

-- REVIEW: drops partition m_tree_1 (FOR VALUES IN (1)) and all its data
DROP TABLE m_tree_1;

ALTER TABLE m DETACH PARTITION m_tree;

-- REVIEW: drops partitioned table m_tree and all its data
DROP TABLE m_tree;

ALTER TABLE m DETACH PARTITION m_old;

-- REVIEW: drops partition m_old (FOR VALUES FROM (20) TO (30)) and all its data
DROP TABLE m_old;

ALTER TABLE m DETACH PARTITION m_a;

ALTER TABLE m DETACH PARTITION m_b;

-- REVIEW: attaches m_a to m FOR VALUES FROM (0) TO (20): the server scans its rows and fails if one is outside the bound (or if the default partition holds rows of it)
ALTER TABLE m ATTACH PARTITION m_a FOR VALUES FROM (0) TO (20);

-- REVIEW: attaches m_b to m FOR VALUES FROM (20) TO (25): the server scans its rows and fails if one is outside the bound (or if the default partition holds rows of it)
ALTER TABLE m ATTACH PARTITION m_b FOR VALUES FROM (20) TO (25);

ALTER TABLE m ADD COLUMN w integer;

CREATE TABLE m_new PARTITION OF m FOR VALUES FROM (25) TO (30);

CREATE TABLE m_w PARTITION OF m (
    CONSTRAINT w_small CHECK (w < 10)
) FOR VALUES FROM (30) TO (40);

-- downgrade
ALTER TABLE m DETACH PARTITION m_w;

-- REVIEW: drops partition m_w (FOR VALUES FROM (30) TO (40)) and all its data
DROP TABLE m_w;

ALTER TABLE m DETACH PARTITION m_new;

-- REVIEW: drops partition m_new (FOR VALUES FROM (25) TO (30)) and all its data
DROP TABLE m_new;

-- REVIEW: drops column m.w and its data
ALTER TABLE m DROP COLUMN w;

ALTER TABLE m DETACH PARTITION m_b;

ALTER TABLE m DETACH PARTITION m_a;

-- REVIEW: attaches m_b to m FOR VALUES FROM (10) TO (20): the server scans its rows and fails if one is outside the bound (or if the default partition holds rows of it)
ALTER TABLE m ATTACH PARTITION m_b FOR VALUES FROM (10) TO (20);

-- REVIEW: attaches m_a to m FOR VALUES FROM (0) TO (10): the server scans its rows and fails if one is outside the bound (or if the default partition holds rows of it)
ALTER TABLE m ATTACH PARTITION m_a FOR VALUES FROM (0) TO (10);

CREATE TABLE m_old PARTITION OF m FOR VALUES FROM (20) TO (30);

CREATE TABLE m_tree PARTITION OF m FOR VALUES FROM (100) TO (200) PARTITION BY LIST (v);

CREATE TABLE m_tree_1 PARTITION OF m_tree FOR VALUES IN (1);
