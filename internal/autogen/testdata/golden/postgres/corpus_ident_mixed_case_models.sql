-- upgrade
CREATE INDEX orders_customer ON orders (customer);

-- downgrade
DROP INDEX orders_customer;
