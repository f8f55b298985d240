#!/usr/bin/env bash
# Adds a migration with the same name to both providers' migration sets.
# Usage: scripts/add-migration.sh NAME
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh NAME}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  dotnet ef migrations add "$name" --project src/Supportal --context "${provider}AppDbContext" \
    --output-dir "Data/Migrations/$provider" --namespace "Supportal.Data.Migrations.$provider"
done
# A first migration's snapshot lands in a folder named after the namespace; keep it beside its migrations.
for provider in Sqlite Postgres; do
  stray="src/Supportal/Supportal/Data/Migrations/$provider/${provider}AppDbContextModelSnapshot.cs"
  if [ -f "$stray" ]; then mv "$stray" "src/Supportal/Data/Migrations/$provider/"; fi
done
rm -rf src/Supportal/Supportal
