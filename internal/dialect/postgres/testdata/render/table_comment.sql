-- up
COMMENT ON TABLE users IS NULL;
-- down
COMMENT ON TABLE users IS 'people who sign in';
