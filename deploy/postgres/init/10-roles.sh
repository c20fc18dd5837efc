#!/bin/sh
# Runs once, when the PostgreSQL container initialises an empty data volume (as the superuser).
# Two roles: severity_owner owns the schema and is the only one Flyway migrates as; severity_app is
# what the service connects as, and may only read and write rows of the tables severity_owner creates.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
     -v owner_password="$SEVERITY_OWNER_PASSWORD" -v app_password="$SEVERITY_APP_PASSWORD" <<'SQL'
CREATE ROLE severity_owner LOGIN PASSWORD :'owner_password';
CREATE ROLE severity_app LOGIN PASSWORD :'app_password';
SQL
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
     -f /docker-entrypoint-initdb.d/grants.sql.inc
