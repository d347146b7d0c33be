-- up
CREATE TABLE users (
    id integer NOT NULL,
    name character varying(50) DEFAULT 'anon'::character varying,
    email text COLLATE "C" NOT NULL,
    tags text[],
    PRIMARY KEY (id),
    CONSTRAINT uq_users_email UNIQUE (email) DEFERRABLE INITIALLY DEFERRED,
    CONSTRAINT ck_users_name CHECK (length((name)::text) > 0)
);
CREATE INDEX ix_users_name ON users (name DESC NULLS LAST) WHERE (name IS NOT NULL);
COMMENT ON INDEX ix_users_name IS 'lookup';
-- review: fails if existing rows hold duplicates
CREATE UNIQUE INDEX ix_users_lower ON users USING btree ((lower(email)) COLLATE "C" text_pattern_ops) INCLUDE (id);
CREATE INDEX ix_users_tags ON users USING gin (tags);
COMMENT ON TABLE users IS 'people who sign in';
COMMENT ON COLUMN users.name IS 'display name';
CREATE TABLE shop.orders (
    id bigint NOT NULL,
    user_id integer,
    "Total" numeric(10,2) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT ck_total CHECK ("Total" >= 0) NO INHERIT,
    CONSTRAINT fk_orders_user FOREIGN KEY (user_id) REFERENCES users (id) MATCH FULL ON UPDATE SET NULL ON DELETE CASCADE DEFERRABLE
);
-- down
-- review: drops table shop.orders and all its data
DROP TABLE shop.orders;
-- review: drops table users and all its data
DROP TABLE users;
