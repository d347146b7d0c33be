CREATE TABLE contents (
    id UUID NOT NULL,
    title VARCHAR(255) NOT NULL,
    body TEXT NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (id)
);
CREATE TABLE trends (
    id UUID NOT NULL,
    keyword VARCHAR(100) NOT NULL UNIQUE,
    score DOUBLE PRECISION NOT NULL,
    detected_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (id)
);
CREATE INDEX ix_trends_score ON trends (score);
CREATE TABLE publish_records (
    id UUID NOT NULL,
    content_id UUID NOT NULL,
    platform VARCHAR(50) NOT NULL,
    status VARCHAR(20) NOT NULL,
    published_at TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (id),
    FOREIGN KEY (content_id) REFERENCES contents (id)
);
