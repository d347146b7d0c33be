-- upgrade
ALTER TABLE logs RENAME TO audit_log;

ALTER TABLE audit_log RENAME CONSTRAINT logs_pkey TO audit_log_pkey;

ALTER TABLE audit_log ADD COLUMN at timestamp without time zone;

COMMENT ON TABLE audit_log IS 'audit trail';

-- downgrade
COMMENT ON TABLE audit_log IS 'app logs';

-- REVIEW: drops column audit_log.at and its data
ALTER TABLE audit_log DROP COLUMN at;

ALTER TABLE audit_log RENAME CONSTRAINT audit_log_pkey TO logs_pkey;

ALTER TABLE audit_log RENAME TO logs;
