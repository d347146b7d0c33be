-- up
CREATE TABLE stock (
    id integer NOT NULL,
    qty integer CHECK (qty >= 0),
    CONSTRAINT ck_stock_id CHECK (id > 0)
);
ALTER TABLE users ADD COLUMN age integer CHECK (age >= 0) CONSTRAINT ck_users_age CHECK (age < 200);
-- down
-- review: drops column users.age and its data
ALTER TABLE users DROP COLUMN age;
-- review: drops table stock and all its data
DROP TABLE stock;
