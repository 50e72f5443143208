#!/usr/bin/env bash
# Sets up and runs the whole test suite, then prints one summary line: "Total: N passed, N failed, N skipped".
# Every suite runs on SQLite; the engine, application and HTTP suites run again on PostgreSQL, on a throwaway cluster
# this run starts on loopback and stops at the end. On PostgreSQL the tests marked [Trait("Database", "SqliteOnly")]
# are left out: those that poke SQLite itself (WAL, PRAGMA, the upgrade of a SQLite file), the browser tests, the
# PDF-only document tests and the long walking test, which add nothing provider-specific; on SQLite those marked
# [Trait("Database", "PostgreSqlOnly")] (row locks that SQLite does not have).
# BARGAINING_TEST_PROVIDERS=Sqlite runs the SQLite half only (for a machine without PostgreSQL).
set -euo pipefail
cd "$(dirname "$0")/.."
providers="${BARGAINING_TEST_PROVIDERS:-Sqlite PostgreSql}"
scripts/setup.sh
rm -rf test-artifacts                       # so that the artifacts listed below are this run's
log=$(mktemp)
cluster=""
cleanup() {
  if [ -n "$cluster" ]; then as_postgres "$bin/pg_ctl" -D "$cluster/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$cluster"; fi
  rm -f "$log"
}
trap cleanup EXIT
# initdb refuses to run as root: the cluster then belongs to the postgres user the Debian package creates.
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

status=0
dotnet build Bargaining.sln -c Release --nologo -v quiet || exit 1
run() { # dotnet test arguments; appends to the log, remembers a failure
  set +e
  dotnet test "$@" -c Release --no-build --nologo 2>&1 | tee -a "$log"
  [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
  set -e
}

if [[ " $providers " == *" Sqlite "* ]]; then
  echo "test.sh: every suite on SQLite"
  BARGAINING_TEST_DATABASE=Sqlite run Bargaining.sln --filter "Database!=PostgreSqlOnly"
fi
if [[ " $providers " == *" PostgreSql "* ]]; then
  if ! compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
    sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "test.sh: installing postgresql"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends postgresql >/dev/null
  fi
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  cluster=$(mktemp -d)
  chmod 755 "$cluster"
  if [ "$(id -u)" -eq 0 ]; then chown postgres "$cluster"; fi
  port=$((20000 + RANDOM % 20000))
  as_postgres "$bin/initdb" -D "$cluster/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  # A throwaway cluster: durability is not what these tests measure.
  as_postgres "$bin/pg_ctl" -D "$cluster/data" -l "$cluster/log" -w start \
    -o "-k $cluster -p $port -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" >/dev/null
  echo "test.sh: the engine, application and HTTP suites on PostgreSQL (127.0.0.1:$port)"
  for suite in Bargaining.Workflows.Tests Bargaining.Tests Bargaining.Web.Tests; do
    BARGAINING_TEST_DATABASE=PostgreSql BARGAINING_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres" \
      run "tests/$suite" --filter "Database!=SqliteOnly"
  done
fi

# dotnet test prints one "Passed!/Failed!  - Failed: F, Passed: P, Skipped: S, Total: T" line per test project and run.
read -r passed failed skipped < <(grep -E '^\s*(Passed|Failed)!' "$log" |
  sed -E 's/.*Failed:\s*([0-9]+), Passed:\s*([0-9]+), Skipped:\s*([0-9]+).*/\2 \1 \3/' |
  awk '{p+=$1; f+=$2; s+=$3} END {print p+0, f+0, s+0}')
# The browser tests keep their screenshots (and downloaded contracts) as artifacts to look at.
if compgen -G "test-artifacts/*" >/dev/null; then
  echo "Browser test artifacts:"
  for f in test-artifacts/*; do echo "  $PWD/$f"; done
fi
echo "Total: ${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$status" -eq 0 ] && [ "$passed" -eq 0 ]; then echo "no test ran"; exit 1; fi
exit "$status"
