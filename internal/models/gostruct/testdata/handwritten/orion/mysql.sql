CREATE TABLE contents (
    id CHAR(36) NOT NULL,
    title VARCHAR(255) NOT NULL,
    body TEXT NOT NULL,
    created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (id)
);
CREATE TABLE trends (
    id CHAR(36) NOT NULL,
    keyword VARCHAR(100) NOT NULL UNIQUE,
    score DOUBLE NOT NULL,
    detected_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (id)
);
CREATE INDEX ix_trends_score ON trends (score);
CREATE TABLE publish_records (
    id CHAR(36) NOT NULL,
    content_id CHAR(36) NOT NULL,
    platform VARCHAR(50) NOT NULL,
    status VARCHAR(20) NOT NULL,
    published_at DATETIME(6),
    PRIMARY KEY (id),
    FOREIGN KEY (content_id) REFERENCES contents (id)
);
