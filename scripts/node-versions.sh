#!/usr/bin/env bash
# The suite on the Node versions the package claims (engines) beyond the machine's own, and with msw 3 as well
# as msw 2 (peerDependencies "^2 || ^3"). Node comes from the npm registry's `node` package through npx, so no
# version manager is needed; tap starts each test file with the node that runs it (process.execPath).
# The slow suites (the browser ones, and the fuzz, race, durability and timeout ones) run once, on the machine's
# Node, in `npm test`.
# Usage: bash scripts/node-versions.sh [log file]   Changes node_modules: msw 3 stays installed (--no-save).
set -euo pipefail
cd "$(dirname "$0")/.."
log=${1:-/dev/null}
step() { printf '\n==> [%3ss] %s\n' "$SECONDS" "$*"; }
slow='^test/browser/|^test/storage/durability\.|^test/cli/http-layer\.|^test/doors/(fuzz|concurrency|races|isolation|exposure|numbers-and-depth|page-errors)\.'
fast=$(git ls-files 'test/*.test.ts' 'test/**/*.test.ts' | grep -v -E "$slow")
msw_suites=$(git ls-files 'test/doors/msw-*.test.ts' 'test/doors/parity.test.ts' 'test/browser/msw-bundle.test.ts')
on() { local node=$1; shift; npx -y -p "node@$node" -- node node_modules/.bin/tap --disable-coverage "$@" 2>&1 | tee -a "$log"; }

# shellcheck disable=SC2086 # below, the file lists are meant to split into words
npm run build --silent  # tests that start the CLI need dist (tsc -b: nothing to do when it is fresh)
step "Node 22, msw $(node -p 'require("msw/package.json").version'): every suite but the slow ones"
rc=0
on 22 $fast || rc=1
npm install --no-save --no-audit --no-fund --loglevel=error msw@3
step "Node 24, msw $(node -p 'require("msw/package.json").version'): every suite but the slow ones"
on 24 $fast || rc=1
step "Node 22, msw $(node -p 'require("msw/package.json").version'): the msw suites"
on 22 $msw_suites || rc=1
step "done"
exit "$rc"
