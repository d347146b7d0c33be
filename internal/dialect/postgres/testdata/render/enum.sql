-- up
CREATE TYPE mood AS ENUM ('sad', 'ok');
COMMENT ON TYPE mood IS 'feelings';
-- down
DROP TYPE mood;
