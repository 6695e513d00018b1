DROP TABLE login_failures;
ALTER TABLE users DROP COLUMN disabled_at, DROP COLUMN session_version;
