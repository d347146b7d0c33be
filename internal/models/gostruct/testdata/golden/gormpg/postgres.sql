CREATE TABLE accounts (
    id uuid DEFAULT gen_random_uuid(),
    handle varchar(40) NOT NULL,
    settings jsonb DEFAULT '{}' NOT NULL,
    created_at timestamptz(6) DEFAULT CURRENT_TIMESTAMP NOT NULL,
    deleted_at timestamptz,
    PRIMARY KEY (id)
);
CREATE UNIQUE INDEX ux_accounts_handle ON accounts (handle) WHERE deleted_at IS NULL;
CREATE INDEX idx_accounts_settings ON accounts USING gin (settings);
CREATE TABLE posts (
    id bigserial,
    author_id uuid NOT NULL,
    title varchar(200) NOT NULL,
    score integer DEFAULT 0 NOT NULL,
    weight numeric(8),
    draft boolean DEFAULT false NOT NULL,
    rev bigint,
    PRIMARY KEY (id, rev),
    CONSTRAINT chk_posts_score CHECK (score >= 0),
    CONSTRAINT fk_accounts_posts FOREIGN KEY (author_id) REFERENCES accounts (id) ON DELETE CASCADE
);
CREATE INDEX idx_posts_author_id ON posts (author_id);
CREATE INDEX idx_posts_title ON posts ((lower(title)));
