#!/usr/bin/env bash
# Sets up and runs the whole test suite, then prints one summary line: "Total: N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
rm -rf test-artifacts                       # so that the artifacts listed below are this run's
log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
dotnet test Bargaining.sln -c Release --nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
# dotnet test prints one "Passed!/Failed!  - Failed: F, Passed: P, Skipped: S, Total: T" line per test project.
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
