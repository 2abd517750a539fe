#!/usr/bin/env bash
# Starts this machine's PostgreSQL 15 (tolerating one already running), makes
# a throw-away role and database for the test suite, and exports
# TEST_DATABASE_URL. Source it (`. scripts/test-postgres.sh`) to keep the variable.
set -eu
if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  echo "PostgreSQL 15 is not installed (pg_ctlcluster missing): apt-get install -y postgresql" >&2
  return 1 2>/dev/null || exit 1
fi
pg_ctlcluster 15 main start 2>/dev/null || true
pg_lsclusters | grep -Eq '^15 +main .* online' || { echo "PostgreSQL 15 would not start" >&2; return 1 2>/dev/null || exit 1; }
su postgres -c "psql -qtAc \"SELECT 1 FROM pg_roles WHERE rolname='digibank_test'\"" | grep -q 1 \
  || su postgres -c "psql -qc \"CREATE ROLE digibank_test LOGIN PASSWORD 'digibank_test'\""
su postgres -c "psql -qtAc \"SELECT 1 FROM pg_database WHERE datname='digibank_test'\"" | grep -q 1 \
  || su postgres -c "createdb -O digibank_test digibank_test"
export TEST_DATABASE_URL="postgres://digibank_test:digibank_test@127.0.0.1:5432/digibank_test"
echo "TEST_DATABASE_URL=$TEST_DATABASE_URL"
