#!/usr/bin/env bash
# Installs Debian's PostgreSQL server when it is missing: the repository contract tests run the
# same migrations and cases against a real PostgreSQL (what Aurora runs) as against PGlite.
# The tests start their own throwaway server (tests/support/postgres-server.ts); nothing is
# started here and the package's own cluster is left alone.
set -euo pipefail
find_bin() {
  for dir in /usr/local/bin /usr/lib/postgresql/*/bin; do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && [ -x "$dir/postgres" ]; then echo "$dir"; return 0; fi
  done
  return 1
}
if dir=$(find_bin); then echo "ensure-postgres: using $dir" >&2; exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  echo "ensure-postgres: initdb/pg_ctl are missing; install them with: sudo apt-get install -y postgresql" >&2
  exit 1
fi
echo "ensure-postgres: installing Debian's postgresql package" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq --no-install-recommends postgresql >/dev/null
dir=$(find_bin)
"$dir/postgres" --version >&2
