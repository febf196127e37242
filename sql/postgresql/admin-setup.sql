-- Metadata Steward team mode: what a database administrator runs once, as a PostgreSQL
-- superuser, before the first desktop connects:
--
--   psql -h HOST -U postgres -v db=steward -f sql/postgresql/admin-setup.sql
--
-- It creates the roles of SPEC section 8 and the database. The tables, functions and
-- row-level security are installed by the program's migrator, connected as steward_owner:
--
--   steward-cli --db postgresql://steward_owner@HOST/steward migrate
--
-- Then one login per person, named as their user id in Metadata Steward:
--
--   CREATE ROLE "amara.okafor" LOGIN PASSWORD '...' IN ROLE steward_app;
--
-- and their roles per tenant in mdm_user_role (as steward_owner). Safe to run again.
\set ON_ERROR_STOP on
\if :{?db}
\else
\set db steward
\endif

SELECT 'CREATE ROLE steward_owner LOGIN'
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'steward_owner') \gexec
-- What every desktop and steward-cli log in through: a group, never a login of its own.
SELECT 'CREATE ROLE steward_app NOLOGIN'
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'steward_app') \gexec
-- Servers that act for the users they authenticated themselves (steward-cli serve).
SELECT 'CREATE ROLE steward_service NOLOGIN IN ROLE steward_app'
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'steward_service') \gexec
-- Read-only across tenants, for the /metrics endpoint.
SELECT 'CREATE ROLE steward_monitor NOLOGIN'
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'steward_monitor') \gexec

SELECT format('CREATE DATABASE %I OWNER steward_owner', :'db')
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db') \gexec
SELECT format('REVOKE ALL ON DATABASE %I FROM PUBLIC', :'db') \gexec
SELECT format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO steward_app, steward_monitor', :'db') \gexec

\connect :db
-- Only the owner creates objects; everyone else reads what row-level security lets them.
ALTER SCHEMA public OWNER TO steward_owner;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO steward_app, steward_monitor;
