-- up
CREATE TABLE `pets` (
    `id` bigint NOT NULL,
    `owner_id` bigint,
    `active` tinyint(1) NOT NULL DEFAULT TRUE,
    PRIMARY KEY (`id`),
    UNIQUE KEY (`owner_id`),
    CHECK (owner_id > 0),
    FOREIGN KEY (`owner_id`) REFERENCES `owners` (`id`) ON DELETE CASCADE ON UPDATE RESTRICT
);
-- down
-- review: drops table pets and all its data
DROP TABLE `pets`;
