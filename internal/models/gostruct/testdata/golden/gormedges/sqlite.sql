CREATE TABLE "gadgets" (
  "id" integer PRIMARY KEY AUTOINCREMENT,
  "label" text DEFAULT "it's ""x",
  "tag" text,
  "label2" text,
  "when" datetime NOT NULL,
  "maybe" datetime,
  "seq" integer NOT NULL DEFAULT 0,
  CONSTRAINT "chk_gadgets_label2" CHECK (label2 <> '')
);
CREATE INDEX "idx_gadget_tag" ON "gadgets" ("tag" DESC);
CREATE UNIQUE INDEX "ux_gadget_tag_label" ON "gadgets" ("label2", "tag");
CREATE TABLE "parts" (
  "id" integer PRIMARY KEY AUTOINCREMENT,
  "gadget_id" integer,
  "weight" real,
  CONSTRAINT "fk_gadgets_parts" FOREIGN KEY ("gadget_id") REFERENCES "gadgets" ("id")
);
CREATE INDEX "idx_parts_gadget_id" ON "parts" ("gadget_id");
