#!/usr/bin/env bash
# Adds a migration with the same name to both providers' migration sets.
# Usage: scripts/add-migration.sh NAME [STUBS_DIR]
# EF's design-time package needs two placeholder packages that our package source lacks; STUBS_DIR is a folder
# holding them (default: ../shared/nuget-stubs next to the clone). Only this step needs them.
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh NAME [STUBS_DIR]}
root=$(cd "$(dirname "$0")/.." && pwd)
stubs=$(cd "${2:-$root/../shared/nuget-stubs}" && pwd)
cd "$root"
dotnet tool restore >/dev/null
export EfDesign=true EfDesignStubs="$stubs"
dotnet restore src/Supportal >/dev/null
for provider in Sqlite Postgres; do
  dotnet ef migrations add "$name" --project src/Supportal --context "${provider}AppDbContext" \
    --output-dir "Data/Migrations/$provider" --namespace "Supportal.Data.Migrations.$provider"
done
unset EfDesign EfDesignStubs
# Leave the restore in its normal state (without the design-time package).
dotnet restore src/Supportal >/dev/null
