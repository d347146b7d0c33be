-- up
CREATE TABLE "pets" (
  "id" INTEGER NOT NULL,
  "owner_id" INTEGER,
  "nick" TEXT DEFAULT "anon",
  PRIMARY KEY ("id"),
  UNIQUE ("owner_id"),
  FOREIGN KEY ("owner_id") REFERENCES "owners" ("id") ON DELETE CASCADE ON UPDATE RESTRICT,
  CHECK (owner_id > 0)
);
-- down
-- review: drops table pets and all its data
DROP TABLE pets;
