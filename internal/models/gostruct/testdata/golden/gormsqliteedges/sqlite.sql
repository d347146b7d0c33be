CREATE TABLE "items" (
  "code" text,
  "num" integer PRIMARY KEY AUTOINCREMENT,
  "name" text DEFAULT "a ""q"" b"
);
CREATE INDEX "idx_item_name" ON "items" ("name" COLLATE NOCASE) WHERE name <> '';
