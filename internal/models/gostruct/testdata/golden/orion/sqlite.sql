CREATE TABLE "contents" (
  "id" UUID NOT NULL,
  "title" VARCHAR(255) NOT NULL,
  "body" text NOT NULL,
  "created_at" timestamp with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY ("id")
);
CREATE TABLE "publish_records" (
  "id" UUID NOT NULL,
  "content_id" UUID NOT NULL,
  "platform" VARCHAR(50) NOT NULL,
  "status" VARCHAR(20) NOT NULL,
  "published_at" timestamp with time zone,
  PRIMARY KEY ("id"),
  FOREIGN KEY ("content_id") REFERENCES "contents" ("id")
);
CREATE TABLE "trends" (
  "id" UUID NOT NULL,
  "keyword" VARCHAR(100) NOT NULL,
  "score" double precision NOT NULL,
  "detected_at" timestamp with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY ("id"),
  UNIQUE ("keyword")
);
CREATE INDEX "ix_trends_score" ON "trends" ("score");
