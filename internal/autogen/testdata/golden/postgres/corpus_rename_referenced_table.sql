-- upgrade
ALTER TABLE customers RENAME TO clients;

ALTER TABLE clients RENAME COLUMN cname TO full_name;

ALTER TABLE clients RENAME CONSTRAINT customers_pkey TO clients_pkey;

-- downgrade
ALTER TABLE clients RENAME CONSTRAINT clients_pkey TO customers_pkey;

ALTER TABLE clients RENAME COLUMN full_name TO cname;

ALTER TABLE clients RENAME TO customers;
