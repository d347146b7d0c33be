CREATE TABLE "owners" (
  "id" INTEGER NOT NULL,
  "best" INTEGER,
  "alt" INTEGER,
  PRIMARY KEY ("id"),
  FOREIGN KEY ("alt") REFERENCES "widgets" ("id"),
  CONSTRAINT "fk_owner_best" FOREIGN KEY ("best") REFERENCES "widgets" ("id")
);
CREATE TABLE "widgets" (
  "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
  "name" VARCHAR(40) NOT NULL,
  "code" VARCHAR(20) NOT NULL DEFAULT 'ab',
  "kind" VARCHAR(10) NOT NULL DEFAULT 'x',
  "made" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "flag" BOOLEAN NOT NULL DEFAULT false,
  "rate" REAL NOT NULL DEFAULT -1.5,
  "note" VARCHAR(50),
  "owner_id" INTEGER,
  UNIQUE ("code"),
  FOREIGN KEY ("owner_id") REFERENCES "owners" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE INDEX "ix_widget_name" ON "widgets" ("name");
CREATE INDEX "ix_widget_note" ON "widgets" ("note" DESC);
