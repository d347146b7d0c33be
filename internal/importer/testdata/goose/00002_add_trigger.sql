-- +goose Up
-- +goose StatementBegin
CREATE TABLE audit (id INTEGER, note VARCHAR(100));
-- +goose StatementEnd

-- +goose Down
-- +goose StatementBegin
DROP TABLE audit;
-- +goose StatementEnd
