-- up
CREATE TABLE pets (
    id bigint NOT NULL,
    owner_id bigint,
    active boolean DEFAULT true NOT NULL,
    PRIMARY KEY (id),
    UNIQUE (owner_id),
    CHECK (owner_id > 0),
    FOREIGN KEY (owner_id) REFERENCES owners (id) ON UPDATE RESTRICT ON DELETE CASCADE
);
-- down
-- review: drops table pets and all its data
DROP TABLE pets;
