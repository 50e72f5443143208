#!/usr/bin/env bash
# The crash harness, long: the real web host on a SQLite file of its own, SIGKILLed N times at random moments while
# three clients write, restarted on the same file each time; then every acknowledged write is looked for, each due
# deadline must have fired once and every journal must verify (tests/Bargaining.Web.Tests/Crash/CrashHarness.cs;
# the test suite runs 3 kills). Prints the figures.
# Usage: scripts/crash.sh [--kills N] [--seed S]     (default 20 kills)
set -euo pipefail
cd "$(dirname "$0")/.."
kills=20; seed=""
while [ $# -gt 0 ]; do
  case "$1" in
    --kills) kills="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    *) echo "usage: scripts/crash.sh [--kills N] [--seed S]" >&2; exit 2 ;;
  esac
done
dotnet build tests/Bargaining.Web.Tests -c Release --nologo -v quiet >/dev/null
log=$(mktemp --suffix=.crash.log)
status=0
BARGAINING_CRASH_KILLS="$kills" BARGAINING_CRASH_SEED="$seed" BARGAINING_TEST_DATABASE=Sqlite \
  dotnet test tests/Bargaining.Web.Tests -c Release --no-build --nologo --filter "FullyQualifiedName~Crash.CrashTests" \
  --logger "console;verbosity=detailed" >"$log" 2>&1 || status=$?
grep -E "^\s+kill [0-9]+:|crash harness|Passed!|Failed!" "$log" | sed 's/^ *//'
if [ "$status" -ne 0 ]; then grep -A12 "Error Message:" "$log"; echo "the whole log: $log"; else rm -f "$log"; fi
exit "$status"
