-- upgrade
ALTER TABLE `invoices` MODIFY COLUMN `id` int(11) NOT NULL COMMENT 'it''s the number';

ALTER TABLE `invoices` MODIFY COLUMN `total` int(11);

ALTER TABLE `invoices` MODIFY COLUMN `memo` text COMMENT 'free text, shown on the PDF';

ALTER TABLE `invoices` COMMENT = 'customer invoices';

-- downgrade
ALTER TABLE `invoices` COMMENT = 'bills';

ALTER TABLE `invoices` MODIFY COLUMN `memo` text;

ALTER TABLE `invoices` MODIFY COLUMN `total` int(11) COMMENT 'in cents';

ALTER TABLE `invoices` MODIFY COLUMN `id` int(11) NOT NULL;
