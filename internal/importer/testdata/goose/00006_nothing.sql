-- +goose Up
-- Intentionally nothing.

-- +goose Down
