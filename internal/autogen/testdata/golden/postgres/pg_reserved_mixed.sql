-- upgrade
ALTER TABLE "Order" DROP CONSTRAINT "Order_user_fkey";

COMMENT ON COLUMN "Order"."desc" IS 'free "text"';

CREATE INDEX "Order_User" ON "Order" ("user" DESC NULLS LAST);

-- REVIEW: fails if existing rows violate the check
ALTER TABLE "Order" ADD CONSTRAINT "Desc Check" CHECK (length("desc") < 500);

ALTER TABLE "user" ADD COLUMN "Select" boolean DEFAULT false NOT NULL;

-- +retort StatementBegin
DO $retort$BEGIN IF EXISTS (SELECT FROM "user" WHERE "Email" IS NOT NULL AND CAST(CAST("Email" AS character varying(320)) AS text) IS DISTINCT FROM "Email") THEN RAISE EXCEPTION 'retort: user.Email holds values that character varying(320) cannot hold unchanged; change or delete them first (the type change was not made)'; END IF; END$retort$;
-- +retort StatementEnd

-- REVIEW: changes the type of user.Email from text to character varying(320): strings longer than 320 characters fail the statement above, and nothing is changed; every other value is kept
ALTER TABLE "user" ALTER COLUMN "Email" TYPE character varying(320);

ALTER TABLE "user" ALTER COLUMN "group" SET DEFAULT 'Users'::text;

-- REVIEW: fails if existing rows hold duplicates
CREATE UNIQUE INDEX "User_Email_Lower" ON "user" ((lower("Email"::text)));

ALTER TABLE "Order" ADD CONSTRAINT "FK_Order_User" FOREIGN KEY ("user") REFERENCES "user" ("ID") ON DELETE SET NULL;

-- downgrade
ALTER TABLE "Order" DROP CONSTRAINT "FK_Order_User";

DROP INDEX "User_Email_Lower";

ALTER TABLE "user" ALTER COLUMN "group" DROP DEFAULT;

ALTER TABLE "user" ALTER COLUMN "Email" TYPE text;

-- REVIEW: drops column user.Select and its data
ALTER TABLE "user" DROP COLUMN "Select";

ALTER TABLE "Order" DROP CONSTRAINT "Desc Check";

DROP INDEX "Order_User";

COMMENT ON COLUMN "Order"."desc" IS NULL;

ALTER TABLE "Order" ADD CONSTRAINT "Order_user_fkey" FOREIGN KEY ("user") REFERENCES "user" ("ID");
