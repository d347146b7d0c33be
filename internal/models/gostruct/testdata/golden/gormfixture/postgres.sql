CREATE TABLE categories (
    id bigserial,
    parent_id bigint,
    slug varchar(80),
    depth integer,
    PRIMARY KEY (id),
    CONSTRAINT fk_categories_parent FOREIGN KEY (parent_id) REFERENCES categories (id)
);
CREATE UNIQUE INDEX idx_categories_slug_parent ON categories (slug, depth);
CREATE TABLE companies (
    id bigserial,
    name varchar(120) NOT NULL,
    PRIMARY KEY (id)
);
CREATE UNIQUE INDEX idx_companies_name ON companies (name);
CREATE TABLE languages (
    code varchar(8),
    name varchar(40),
    PRIMARY KEY (code)
);
CREATE TABLE members (
    id bigserial,
    PRIMARY KEY (id)
);
CREATE TABLE member_friends (
    member_id bigint,
    friend_id bigint,
    PRIMARY KEY (member_id, friend_id),
    CONSTRAINT fk_member_friends_friends FOREIGN KEY (friend_id) REFERENCES members (id),
    CONSTRAINT fk_member_friends_member FOREIGN KEY (member_id) REFERENCES members (id)
);
CREATE TABLE tag_catalog (
    namespace varchar(50),
    name varchar(50),
    weight smallint DEFAULT 0 NOT NULL,
    rank bigint,
    PRIMARY KEY (namespace, name)
);
CREATE INDEX idx_tag_weight_rank ON tag_catalog (weight, rank);
CREATE TABLE users (
    id bigserial,
    created_at timestamptz,
    updated_at timestamptz,
    deleted_at timestamptz,
    name varchar(100) NOT NULL,
    age smallint,
    email text,
    nick text DEFAULT 'anon',
    active boolean DEFAULT true,
    balance numeric(12, 2),
    rating decimal,
    birthday timestamptz,
    avatar bytea,
    member_code varchar(32),
    level integer DEFAULT 1,
    company_id bigint,
    audit_by varchar(64),
    audit_note text,
    bio text,
    counter bigint,
    PRIMARY KEY (id),
    CONSTRAINT uni_users_email UNIQUE (email),
    CONSTRAINT chk_users_age CHECK (age < 200),
    CONSTRAINT fk_companies_users FOREIGN KEY (company_id) REFERENCES companies (id) ON DELETE CASCADE
);
COMMENT ON COLUMN users.level IS 'user level';
CREATE INDEX idx_users_deleted_at ON users (deleted_at);
CREATE INDEX idx_name_age ON users (name, age);
CREATE UNIQUE INDEX ux_users_code ON users (member_code);
CREATE INDEX idx_users_counter ON users (counter DESC);
CREATE TABLE orders (
    id bigserial,
    buyer_id bigint,
    total decimal,
    status varchar(20) DEFAULT 'new',
    created_at timestamptz,
    updated_at bigint,
    PRIMARY KEY (id),
    CONSTRAINT fk_orders_buyer FOREIGN KEY (buyer_id) REFERENCES users (id) ON DELETE RESTRICT
);
CREATE INDEX idx_orders_status ON orders (status);
CREATE TABLE profiles (
    id bigserial,
    user_id bigint NOT NULL,
    theme varchar(20) DEFAULT 'light',
    PRIMARY KEY (id),
    CONSTRAINT theme_ok CHECK (theme <> ''),
    CONSTRAINT fk_users_profile FOREIGN KEY (user_id) REFERENCES users (id) ON UPDATE CASCADE ON DELETE CASCADE
);
CREATE TABLE user_languages (
    language_code varchar(8),
    user_id bigint,
    PRIMARY KEY (language_code, user_id),
    CONSTRAINT fk_user_languages_language FOREIGN KEY (language_code) REFERENCES languages (code) ON DELETE CASCADE,
    CONSTRAINT fk_user_languages_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
