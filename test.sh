#!/usr/bin/env bash
# The whole test suite, as CI runs it:
#   1. installs what the tests need when it is missing (Chromium, PostgreSQL, aiosmtpd, Node.js) — as root;
#   2. checks the code's layout against .editorconfig and builds once (the build checks the style and analyzer
#      rules; warnings are errors);
#   3. runs the integration tests and the browser tests on SQLite, then again on a throwaway PostgreSQL
#      cluster started here and stopped at the end;
#   4. ends with "tests: N passed, N failed", counted from the test results.
set -uo pipefail

root=$(cd "$(dirname "$0")" && pwd)
results="$root/TestResults"
rm -rf "$results"
mkdir -p "$results"
cd "$root"

# --- 1. What the tests need -------------------------------------------------------------------------------
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
/usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null || missing+=(python3-aiosmtpd)
command -v npm >/dev/null || missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "test.sh: please install: ${missing[*]} (or run this script as root)" >&2
    exit 1
  fi
  echo "== Installing ${missing[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null || exit 1
fi

# --- 2. Layout and build --------------------------------------------------------------------------------------
echo "== Checking the layout of the code (dotnet format whitespace --folder fixes it)"
layout=0
dotnet format whitespace --folder --verify-no-changes || layout=1
echo "== Building"
dotnet build Supportal.slnx -nologo -v quiet || { echo "tests: 0 passed, 1 failed"; exit 1; }

# --- 3. A throwaway PostgreSQL cluster ----------------------------------------------------------------------
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
pgdir=$(mktemp -d /tmp/supportal-pg.XXXXXX)
pgport=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
as_pg=()
if [ "$(id -u)" -eq 0 ]; then
  # PostgreSQL refuses to run as root.
  chown postgres "$pgdir"
  as_pg=(runuser -u postgres --)
fi
stop_postgres() {
  "${as_pg[@]}" "$pgbin/pg_ctl" -D "$pgdir/data" -m immediate stop >/dev/null 2>&1
  rm -rf "$pgdir"
}
trap stop_postgres EXIT
echo "== Starting PostgreSQL on port $pgport"
"${as_pg[@]}" "$pgbin/initdb" -D "$pgdir/data" -U postgres -A trust --no-sync --encoding=UTF8 --locale=C.UTF-8 >/dev/null || exit 1
"${as_pg[@]}" "$pgbin/pg_ctl" -D "$pgdir/data" -l "$pgdir/server.log" -w \
  -o "-p $pgport -c listen_addresses=127.0.0.1 -k $pgdir -c fsync=off -c max_connections=300" start >/dev/null || exit 1
postgres="Host=127.0.0.1;Port=$pgport;Username=postgres;Include Error Detail=true"

# --- 4. The suites ---------------------------------------------------------------------------------------------
status=0
run() {
  local name=$1 project=$2 provider=$3
  echo "== $name"
  SUPPORTAL_TEST_PROVIDER=$provider SUPPORTAL_TEST_POSTGRES=$postgres \
    dotnet test "$project" --no-build -nologo --logger "trx;LogFileName=$name.trx" --results-directory "$results" || status=1
  [ -f "$results/$name.trx" ] || { echo "$name: no results were written" >&2; status=1; }
}
run integration-sqlite tests/Supportal.Tests Sqlite
run integration-postgres tests/Supportal.Tests Postgres
run browser-sqlite tests/Supportal.EndToEnd Sqlite
run browser-postgres tests/Supportal.EndToEnd Postgres

# --- 5. Count --------------------------------------------------------------------------------------------------
passed=0
failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done
[ "$layout" -ne 0 ] && failed=$((failed + 1)) && status=1
[ "$status" -ne 0 ] && [ "$failed" -eq 0 ] && failed=1
echo "tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$status" -eq 0 ]
