-- The role the application connects as in production (PostgreSQL). Run once as the database
-- owner after Flyway has created the schema, and again after each upgrade that adds tables:
--
--   psql -h HOST -U OWNER -d anquan -f postgres-app-role.sql
--   psql -h HOST -U OWNER -d anquan -c "ALTER ROLE anquan_app PASSWORD 'choose-one'"
--
-- Flyway keeps running as the owner (spring.flyway.user / spring.flyway.password); the
-- application's own connections (DB_USER=anquan_app) may read and write every table, but may only
-- ever append to the audit trail: no UPDATE, DELETE or TRUNCATE of audit_log, so not even a
-- compromised application can rewrite what it recorded.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'anquan_app') THEN
        CREATE ROLE anquan_app LOGIN;
    END IF;
END
$$;

GRANT USAGE ON SCHEMA public TO anquan_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO anquan_app;
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO anquan_app;

REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM anquan_app;
REVOKE ALL ON flyway_schema_history FROM anquan_app;
GRANT SELECT ON flyway_schema_history TO anquan_app;
GRANT EXECUTE ON FUNCTION traffic_reading_partition(TEXT, TIMESTAMPTZ, TIMESTAMPTZ) TO anquan_app;
