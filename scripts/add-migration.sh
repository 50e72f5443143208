#!/usr/bin/env bash
# Adds an EF Core migration for both database providers, SQLite and PostgreSQL, after a change to the model:
#   scripts/add-migration.sh AddDashboardCounters             # the application's tables (BargainingDbContext)
#   scripts/add-migration.sh AddAccountEmail --accounts       # the accounts' tables (AccountsDbContext)
# Writes src/Bargaining.Migrations.{Sqlite,PostgreSql}/{Bargaining,Accounts}/<timestamp>_<Name>.cs; read both, then
# commit them. The app applies them on start (or: bargaining migrate). See docs/migrations.md.
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:?usage: scripts/add-migration.sh Name [--accounts]}"
context=BargainingDbContext folder=Bargaining
if [ "${2:-}" = "--accounts" ]; then context=AccountsDbContext folder=Accounts; fi
dotnet tool restore >/dev/null
for provider in Sqlite PostgreSql; do
  project="src/Bargaining.Migrations.$provider"
  dotnet build "$project" -c Debug --nologo -v quiet
  dotnet ef migrations add "$name" --no-build --configuration Debug --context "$context" \
    --project "$project" --startup-project "$project" --output-dir "$folder"
done
