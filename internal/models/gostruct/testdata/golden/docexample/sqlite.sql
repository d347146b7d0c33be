CREATE TABLE "authors" (
  "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
  "email" VARCHAR(320) NOT NULL,
  "name" VARCHAR(100) NOT NULL,
  "twitter" VARCHAR(50),
  "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" DATETIME,
  UNIQUE ("email")
);
CREATE TABLE "articles" (
  "id" UUID NOT NULL DEFAULT NULL,
  "author_id" INTEGER NOT NULL,
  "slug" VARCHAR(200) NOT NULL,
  "status" TEXT NOT NULL DEFAULT 'draft',
  "price" NUMERIC(10,2) NOT NULL,
  "fee" NUMERIC(12,2) NOT NULL,
  "meta" TEXT,
  "body" TEXT NOT NULL,
  "rank" REAL NOT NULL,
  "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" DATETIME,
  PRIMARY KEY ("id"),
  CONSTRAINT "uq_articles_author_slug" UNIQUE ("author_id", "slug"),
  FOREIGN KEY ("author_id") REFERENCES "authors" ("id") ON DELETE CASCADE,
  CHECK (price >= 0),
  CHECK ("status" IN ('draft', 'published', 'archived'))
);
CREATE INDEX "ix_articles_author_id" ON "articles" ("author_id");
CREATE INDEX "ix_articles_rank" ON "articles" ("rank" DESC);
CREATE TABLE "article_tags" (
  "article_id" UUID NOT NULL,
  "tag" VARCHAR(40) NOT NULL,
  PRIMARY KEY ("article_id", "tag"),
  FOREIGN KEY ("article_id") REFERENCES "articles" ("id")
);
