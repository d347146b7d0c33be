CREATE TABLE `gadgets` (
    `id` bigint unsigned AUTO_INCREMENT,
    `label` varchar(50) DEFAULT 'it''s "x' COMMENT 'it''s a  label',
    `tag` varchar(30),
    `label2` varchar(30),
    `when` datetime(3) NOT NULL,
    `maybe` datetime(3),
    `seq` bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (`id`),
    CONSTRAINT `chk_gadgets_label2` CHECK (label2 <> '')
);
CREATE INDEX `idx_gadget_tag` ON `gadgets` (`tag` DESC);
CREATE UNIQUE INDEX `ux_gadget_tag_label` ON `gadgets` (`label2`, `tag`);
CREATE TABLE `parts` (
    `id` bigint AUTO_INCREMENT,
    `gadget_id` bigint unsigned,
    `weight` decimal(8, 3),
    PRIMARY KEY (`id`),
    CONSTRAINT `fk_gadgets_parts` FOREIGN KEY (`gadget_id`) REFERENCES `gadgets` (`id`)
);
CREATE INDEX `idx_parts_gadget_id` ON `parts` (`gadget_id`);
