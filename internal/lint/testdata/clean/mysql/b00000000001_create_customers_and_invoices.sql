-- create customers and invoices
--
-- Revision ID: b00000000001
-- Revises: 
-- Create Date: 2026-02-01 10:00:00.000000
-- Branch Labels:
-- Depends On:

-- +retort upgrade
CREATE TABLE customers (
    id BIGINT NOT NULL AUTO_INCREMENT,
    `email` VARCHAR(190) NOT NULL,
    name VARCHAR(40) NOT NULL,
    created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id),
    UNIQUE KEY customers_email_key (email)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE invoices (
    id BIGINT NOT NULL AUTO_INCREMENT,
    customer_id BIGINT NOT NULL,
    total DECIMAL(12,2) NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    KEY invoices_customer_idx (customer_id),
    CONSTRAINT invoices_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id)
) ENGINE=InnoDB;

-- +retort downgrade
DROP TABLE invoices;
DROP TABLE customers;
