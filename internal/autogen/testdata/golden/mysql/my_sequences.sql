-- upgrade
CREATE SEQUENCE `invoice_no` START WITH 1 MINVALUE 1 MAXVALUE 9223372036854775806 INCREMENT BY 1 CACHE 0 NOCYCLE;

ALTER SEQUENCE `order_no` START WITH 1000 MINVALUE 1 MAXVALUE 1000000 INCREMENT BY 10 CACHE 50 CYCLE;

ALTER TABLE `order_no` COMMENT='order numbers';

ALTER TABLE `orders` ADD COLUMN `invoice` bigint(20) DEFAULT (nextval(`invoice_no`));

-- REVIEW: drops sequence gone_seq: its current value is lost (created again, it starts over)
DROP SEQUENCE `gone_seq`;

-- downgrade
CREATE SEQUENCE `gone_seq` START WITH 1 MINVALUE 1 MAXVALUE 9223372036854775806 INCREMENT BY 1 CACHE 1000 NOCYCLE;

-- REVIEW: drops column orders.invoice and its data
ALTER TABLE `orders` DROP COLUMN `invoice`;

ALTER SEQUENCE `order_no` START WITH 1000 MINVALUE 1 MAXVALUE 9223372036854775806 INCREMENT BY 1 CACHE 1000 NOCYCLE;

ALTER TABLE `order_no` COMMENT='';

-- REVIEW: drops sequence invoice_no: its current value is lost (created again, it starts over)
DROP SEQUENCE `invoice_no`;
