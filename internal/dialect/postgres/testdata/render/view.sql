-- up
CREATE VIEW shop.names AS
SELECT ARRAY['a'::text, 'b'::text] AS x, users.name
   FROM users;
COMMENT ON VIEW shop.names IS 'just names';
-- down
DROP VIEW shop.names;
