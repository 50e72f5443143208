#!/usr/bin/env bash
# Sets up and runs Bargaining. Until the web application lands this is the CLI demo: it loads every definition in
# workflows/, drives Yancheng demo rounds through the whole ordinary procedure on a SQLite file with a simulated
# clock, and prints each journal.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
dotnet run -c Release --project src/Bargaining.Cli -- demo --db "${BARGAINING_DB:-bargaining-demo.db}" "$@"
