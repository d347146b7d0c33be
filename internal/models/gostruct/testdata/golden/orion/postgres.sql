CREATE TABLE contents (
    id uuid NOT NULL,
    title varchar(255) NOT NULL,
    body text NOT NULL,
    created_at timestamp with time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    PRIMARY KEY (id)
);
CREATE TABLE publish_records (
    id uuid NOT NULL,
    content_id uuid NOT NULL,
    platform varchar(50) NOT NULL,
    status varchar(20) NOT NULL,
    published_at timestamp with time zone,
    PRIMARY KEY (id),
    FOREIGN KEY (content_id) REFERENCES contents (id)
);
CREATE TABLE trends (
    id uuid NOT NULL,
    keyword varchar(100) NOT NULL,
    score double precision NOT NULL,
    detected_at timestamp with time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    PRIMARY KEY (id),
    UNIQUE (keyword)
);
CREATE INDEX ix_trends_score ON trends (score);
