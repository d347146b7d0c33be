CREATE TABLE "customers" (
  "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
  "email" VARCHAR(320) NOT NULL,
  "name" VARCHAR(100) NOT NULL,
  "nickname" VARCHAR(50),
  "active" BOOLEAN NOT NULL DEFAULT true,
  "age" INTEGER,
  "score" REAL NOT NULL DEFAULT 0,
  "ratio" REAL,
  "avatar" BLOB NOT NULL,
  "prefs" TEXT,
  "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" DATETIME,
  UNIQUE ("email"),
  CHECK (age >= 0)
);
CREATE TABLE "orders" (
  "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
  "customer_id" INTEGER NOT NULL,
  "status" TEXT NOT NULL DEFAULT 'pending',
  "placed_on" date NOT NULL,
  "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" DATETIME,
  FOREIGN KEY ("customer_id") REFERENCES "customers" ("id") ON DELETE CASCADE,
  CHECK ("status" IN ('pending', 'paid', 'shipped'))
);
CREATE INDEX "ix_orders_customer_id" ON "orders" ("customer_id");
CREATE TABLE "products" (
  "sku" UUID NOT NULL,
  "title" VARCHAR(200) NOT NULL,
  "price" NUMERIC(10,2) NOT NULL,
  "cost" NUMERIC(12,2) NOT NULL,
  "stock" INTEGER NOT NULL DEFAULT 0,
  "weight" REAL,
  "tags" TEXT NOT NULL,
  "deleted_at" DATETIME,
  PRIMARY KEY ("sku")
);
CREATE INDEX "idx_products_title_price" ON "products" ("title", "price");
CREATE INDEX "idx_products_live" ON "products" ("deleted_at" DESC);
CREATE TABLE "order_lines" (
  "order_id" INTEGER NOT NULL,
  "line" INTEGER NOT NULL,
  "sku" UUID NOT NULL,
  "order_ref" INTEGER NOT NULL,
  "qty" INTEGER NOT NULL,
  PRIMARY KEY ("order_id", "line"),
  CONSTRAINT "uni_order_lines_order_sku" UNIQUE ("sku", "order_ref"),
  FOREIGN KEY ("order_id") REFERENCES "orders" ("id") ON DELETE CASCADE,
  FOREIGN KEY ("sku") REFERENCES "products" ("sku"),
  CONSTRAINT "qty_positive" CHECK (qty > 0)
);
