-- Least privilege on PostgreSQL (issue 14 item 7): two roles.
--   cm_owner  owns the database and every table; migrations and seeding run as it
--             (DATABASE_MIGRATION_URL). It is not a superuser.
--   cm_app    the web app (DATABASE_URL): reads and writes rows, nothing else. It cannot
--             ALTER or DROP a table, disable a trigger, TRUNCATE, or lift the audit rule
--             (no write access to "_cm_maintenance"), so the audit trail's append-only
--             triggers hold against it.
--
-- Part 1, as a superuser (psql -U postgres), once per server. Set real passwords
-- (psql: \password cm_owner, \password cm_app) or use peer/cert authentication.
CREATE ROLE cm_owner LOGIN NOSUPERUSER NOCREATEROLE;
CREATE ROLE cm_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE;
CREATE DATABASE council_marketplace OWNER cm_owner ENCODING 'UTF8';
-- The owner may end the app's connections (tests and maintenance), never a superuser's.
GRANT pg_signal_backend TO cm_owner;

-- Part 2: migrate and seed as the owner (README, "Run on PostgreSQL"), then, connected to the
-- database as cm_owner, run postgresql-grants.sql:
--   psql "postgresql://cm_owner@HOST/council_marketplace" -f docs/deploy/postgresql-grants.sql
