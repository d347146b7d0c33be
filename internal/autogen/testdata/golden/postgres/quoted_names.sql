-- upgrade
CREATE TABLE "User" (
    "ID" integer NOT NULL,
    order_id integer,
    PRIMARY KEY ("ID"),
    CONSTRAINT "User_order_id_fkey" FOREIGN KEY (order_id) REFERENCES "order" (id)
);

ALTER TABLE "order" ADD COLUMN "Group Name" character varying(5);

ALTER TABLE "order" ALTER COLUMN "select" TYPE character varying(20);

CREATE INDEX "Ix Order" ON "order" ("select");

-- downgrade
DROP INDEX "Ix Order";

-- +retort StatementBegin
DO $retort$BEGIN IF EXISTS (SELECT FROM "order" WHERE "select" IS NOT NULL AND CAST(CAST("select" AS character varying(10)) AS character varying(20)) IS DISTINCT FROM "select") THEN RAISE EXCEPTION 'retort: order.select holds values that character varying(10) cannot hold unchanged; change or delete them first (the type change was not made)'; END IF; END$retort$;
-- +retort StatementEnd

-- REVIEW: changes the type of order.select from character varying(20) to character varying(10): strings longer than 10 characters fail the statement above, and nothing is changed; every other value is kept
ALTER TABLE "order" ALTER COLUMN "select" TYPE character varying(10);

-- REVIEW: drops column order.Group Name and its data
ALTER TABLE "order" DROP COLUMN "Group Name";

-- REVIEW: drops table User and all its data
DROP TABLE "User";
