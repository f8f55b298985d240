#!/usr/bin/env bash
# Adds a migration with the same name to both providers' migration sets.
# Usage: scripts/add-migration.sh NAME STUBS_DIR
# EF's design-time package depends on two packages (Mono.TextTemplating, Microsoft.VisualStudio.SolutionPersistence)
# that some package sources lack and that adding a migration never uses; STUBS_DIR is a folder of placeholder
# packages with those ids. Only this step needs them: the build, run and tests never reference the package.
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh NAME STUBS_DIR}
stubs=$(cd "${2:?usage: scripts/add-migration.sh NAME STUBS_DIR}" && pwd)
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
dotnet tool restore >/dev/null
export EfDesign=true EfDesignStubs="$stubs"
dotnet restore src/Supportal >/dev/null
for provider in Sqlite Postgres; do
  dotnet ef migrations add "$name" --project src/Supportal --context "${provider}AppDbContext" \
    --output-dir "Data/Migrations/$provider" --namespace "Supportal.Data.Migrations.$provider"
done
# A first migration's snapshot lands in a folder named after the namespace; keep it beside its migrations.
for provider in Sqlite Postgres; do
  stray="src/Supportal/Supportal/Data/Migrations/$provider/${provider}AppDbContextModelSnapshot.cs"
  [ -f "$stray" ] && mv "$stray" "src/Supportal/Data/Migrations/$provider/"
done
rm -rf src/Supportal/Supportal
unset EfDesign EfDesignStubs
# Leave the restore in its normal state (without the design-time package).
dotnet restore src/Supportal >/dev/null
