-- +goose Up
-- +goose ENVSUB ON
INSERT INTO users (id, email) VALUES (2, '${ADMIN_EMAIL}');
-- +goose ENVSUB OFF
CREATE TABLE settings (k VARCHAR(50), v VARCHAR(50));

-- +goose Down
DROP TABLE settings;
DELETE FROM users WHERE id = 2;
