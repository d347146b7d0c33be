-- upgrade
-- REVIEW: drops table c and all its data
DROP TABLE c;

-- REVIEW: drops table p and all its data
DROP TABLE p;

-- downgrade
CREATE TABLE p (id INTEGER NOT NULL PRIMARY KEY, keep_id INTEGER REFERENCES keep (id));

CREATE TABLE c (id INTEGER NOT NULL PRIMARY KEY, p_id INTEGER REFERENCES p (id));
