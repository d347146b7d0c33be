CREATE TABLE "categories" (
  "id" integer PRIMARY KEY AUTOINCREMENT,
  "parent_id" integer,
  "slug" text,
  "depth" integer,
  CONSTRAINT "fk_categories_parent" FOREIGN KEY ("parent_id") REFERENCES "categories" ("id")
);
CREATE UNIQUE INDEX "idx_categories_slug_parent" ON "categories" ("slug", "depth");
CREATE TABLE "companies" (
  "id" integer PRIMARY KEY AUTOINCREMENT,
  "name" text NOT NULL
);
CREATE UNIQUE INDEX "idx_companies_name" ON "companies" ("name");
CREATE TABLE "languages" (
  "code" text,
  "name" text,
  PRIMARY KEY ("code")
);
CREATE TABLE "members" (
  "id" integer PRIMARY KEY AUTOINCREMENT
);
CREATE TABLE "member_friends" (
  "member_id" integer,
  "friend_id" integer,
  PRIMARY KEY ("member_id", "friend_id"),
  CONSTRAINT "fk_member_friends_friends" FOREIGN KEY ("friend_id") REFERENCES "members" ("id"),
  CONSTRAINT "fk_member_friends_member" FOREIGN KEY ("member_id") REFERENCES "members" ("id")
);
CREATE TABLE "tag_catalog" (
  "namespace" text,
  "name" text,
  "weight" integer NOT NULL DEFAULT 0,
  "rank" integer,
  PRIMARY KEY ("namespace", "name")
);
CREATE INDEX "idx_tag_weight_rank" ON "tag_catalog" ("weight", "rank");
CREATE TABLE "users" (
  "id" integer PRIMARY KEY AUTOINCREMENT,
  "created_at" datetime,
  "updated_at" datetime,
  "deleted_at" datetime,
  "name" text NOT NULL,
  "age" integer,
  "email" text,
  "nick" text DEFAULT "anon",
  "active" numeric DEFAULT true,
  "balance" real,
  "rating" real,
  "birthday" datetime,
  "avatar" blob,
  "member_code" text,
  "level" integer DEFAULT 1,
  "company_id" integer,
  "audit_by" text,
  "audit_note" text,
  "bio" text,
  "counter" integer,
  CONSTRAINT "uni_users_email" UNIQUE ("email"),
  CONSTRAINT "fk_companies_users" FOREIGN KEY ("company_id") REFERENCES "companies" ("id") ON DELETE CASCADE,
  CONSTRAINT "chk_users_age" CHECK (age < 200)
);
CREATE INDEX "idx_users_deleted_at" ON "users" ("deleted_at");
CREATE INDEX "idx_name_age" ON "users" ("name", "age");
CREATE UNIQUE INDEX "ux_users_code" ON "users" ("member_code");
CREATE INDEX "idx_users_counter" ON "users" ("counter" DESC);
CREATE TABLE "orders" (
  "id" integer PRIMARY KEY AUTOINCREMENT,
  "buyer_id" integer,
  "total" real,
  "status" text DEFAULT "new",
  "created_at" datetime,
  "updated_at" integer,
  CONSTRAINT "fk_orders_buyer" FOREIGN KEY ("buyer_id") REFERENCES "users" ("id") ON DELETE RESTRICT
);
CREATE INDEX "idx_orders_status" ON "orders" ("status");
CREATE TABLE "profiles" (
  "id" integer PRIMARY KEY AUTOINCREMENT,
  "user_id" integer NOT NULL,
  "theme" text DEFAULT "light",
  CONSTRAINT "fk_users_profile" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "theme_ok" CHECK (theme <> '')
);
CREATE TABLE "user_languages" (
  "language_code" text,
  "user_id" integer,
  PRIMARY KEY ("language_code", "user_id"),
  CONSTRAINT "fk_user_languages_language" FOREIGN KEY ("language_code") REFERENCES "languages" ("code") ON DELETE CASCADE,
  CONSTRAINT "fk_user_languages_user" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);
