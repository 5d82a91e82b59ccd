-- The app role's privileges (docs/deploy/postgresql-roles.sql, part 2). Run as the owner role
-- in the app's database after migrating; safe to run again. Tables added by later migrations
-- get the same row privileges through the default privileges below.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
DO $$ BEGIN EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO cm_app', current_database()); END $$;
GRANT USAGE ON SCHEMA public TO cm_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO cm_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO cm_app;
ALTER DEFAULT PRIVILEGES FOR ROLE cm_owner IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO cm_app;
ALTER DEFAULT PRIVILEGES FOR ROLE cm_owner IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO cm_app;
-- The migration ledger and the maintenance switch that lifts the audit rule: read only
-- (the app checks the ledger at start-up; backups read both).
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON "_cm_migrations", "_cm_maintenance" FROM cm_app;
