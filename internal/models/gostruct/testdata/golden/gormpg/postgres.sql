CREATE TABLE "accounts" (
  "id" uuid DEFAULT gen_random_uuid(),
  "handle" varchar(40) NOT NULL,
  "settings" jsonb NOT NULL DEFAULT '{}',
  "created_at" timestamptz(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "deleted_at" timestamptz,
  PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "ux_accounts_handle" ON "accounts" ("handle") WHERE deleted_at IS NULL;
CREATE INDEX "idx_accounts_settings" ON "accounts" USING gin ("settings");
CREATE TABLE "posts" (
  "id" bigserial,
  "author_id" uuid NOT NULL,
  "title" varchar(200) NOT NULL,
  "score" integer NOT NULL DEFAULT 0,
  "weight" numeric(8),
  "draft" boolean NOT NULL DEFAULT false,
  "rev" bigint,
  PRIMARY KEY ("id", "rev"),
  CONSTRAINT "fk_accounts_posts" FOREIGN KEY ("author_id") REFERENCES "accounts" ("id") ON DELETE CASCADE,
  CONSTRAINT "chk_posts_score" CHECK (score >= 0)
);
CREATE INDEX "idx_posts_author_id" ON "posts" ("author_id");
CREATE INDEX "idx_posts_title" ON "posts" (lower(title));
