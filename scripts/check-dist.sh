#!/usr/bin/env bash
# Is the committed dist/ what a fresh build of the committed source produces? Used by .ci/run and the
# test workflow alike: rebuilds dist/ with `npm run bundle`, then fails naming what differs.
set -euo pipefail
cd "$(dirname "$0")/.."

npm run --silent bundle
if ! git diff --quiet --exit-code -- dist/ || [ -n "$(git status --porcelain -- dist/)" ]; then
  echo "dist/ is stale: run 'npm run bundle' and commit the result." >&2
  git status --porcelain -- dist/ >&2
  git diff --stat -- dist/ >&2
  exit 1
fi
echo "dist/ is fresh."
