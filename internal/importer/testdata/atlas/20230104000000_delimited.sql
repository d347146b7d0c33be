-- atlas:delimiter -- end

CREATE TABLE a (id INTEGER);
-- end
CREATE TABLE b (id INTEGER);
-- end
