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

-- REVIEW: changes the type of order.select from character varying(20) to character varying(10): fails or loses data if existing values do not fit
ALTER TABLE "order" ALTER COLUMN "select" TYPE character varying(10);

-- REVIEW: drops column order.Group Name and its data
ALTER TABLE "order" DROP COLUMN "Group Name";

-- REVIEW: drops table User and all its data
DROP TABLE "User";
