-- +goose Up
-- +goose ENVSUB ON
-- +goose StatementBegin
CREATE TABLE plain (id INTEGER);
-- +goose StatementEnd
-- +goose ENVSUB OFF

-- +goose Down
-- +goose ENVSUB ON
-- +goose StatementBegin
DELETE FROM settings WHERE k = '$HOME';
-- +goose StatementEnd
