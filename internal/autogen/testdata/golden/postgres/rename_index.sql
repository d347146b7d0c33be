-- upgrade
ALTER INDEX old_name RENAME TO new_name;

-- downgrade
ALTER INDEX new_name RENAME TO old_name;
