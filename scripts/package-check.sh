#!/usr/bin/env bash
# The package as a user gets it: `npm pack` in a fresh clone, install the tarball into an empty project, start the CLI through
# `npx`, and run the README's recipes as written (extracted by scripts/readme-block.mjs, so they cannot drift):
# the quick start twice (order ids must not collide), the client snippets, the msw example under tap,
# vitest, Jest and node:test, the parallel-workers (tenants) example under Jest, seeding from a file, and the GitHub
# Actions example's start script. Run by .ci/run; needs the npm registry (tap, vitest, jest, msw) and python3 with requests.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
server_pid=''
actions_pid=''
cleanup() {
  for pid in $server_pid $actions_pid; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
step() { printf '\n==> [%3ss] %s\n' "$SECONDS" "$*"; }
block() { node "$repo/scripts/readme-block.mjs" "$repo/README.md" "$1"; }

step "npm pack in a fresh clone, which has no dist: its prepare must build it"
git clone -q "$repo" "$work/clone"
ln -s "$repo/node_modules" "$work/clone/node_modules"
tarball=$(cd "$work/clone" && npm pack --silent --pack-destination "$work" | tail -n 1)
# grep reads the whole listing (no -q): under pipefail, a grep that stops early makes tar fail with SIGPIPE.
tar -tzf "$work/$tarball" | grep -x 'package/dist/src/cli.js' >/dev/null || { echo "the package has no dist/src/cli.js" >&2; exit 1; }
for bundle in iamport checkout example dashboard reload-restored; do
  tar -tzf "$work/$tarball" | grep -x "package/dist/browser/$bundle.js" >/dev/null || { echo "the package has no dist/browser/$bundle.js" >&2; exit 1; }
done
if tar -tzf "$work/$tarball" | grep -E '\.map$|\.tsbuildinfo$|^package/openapi/'; then
  echo "the package ships source maps, build info or the OpenAPI file (above)" >&2; exit 1
fi

step "install the tarball into an empty project, with msw 2, tap, vitest and jest"
app=$work/app
mkdir -p "$app/test"
cd "$app"
npm init -y >/dev/null
npm pkg set type=module
npm install --no-audit --no-fund --loglevel=error "$work/$tarball" msw@2 tap@21 vitest@4 jest@30

step "npx iamport-sandbox starts, answers getToken"
npx iamport-sandbox --port 0 --seed 7 >"$work/server.log" 2>&1 &
server_pid=$!
url=''
for _ in $(seq 1 100); do
  url=$(grep -Eo 'listening on http://[^ ]+' "$work/server.log" | head -n 1 | cut -d' ' -f3 || true)
  if [ -n "$url" ]; then break; fi
  if ! kill -0 "$server_pid" 2>/dev/null; then cat "$work/server.log" >&2; exit 1; fi
  sleep 0.2
done
if [ -z "$url" ]; then echo "the CLI did not print its address within 20 s" >&2; cat "$work/server.log" >&2; exit 1; fi
curl -sf -X POST "$url/users/getToken" -H 'content-type: application/json' \
  -d '{"imp_key":"7486213512445823","imp_secret":"sandboxSecretA0001zVv7dKq3LmN8pR2sT6wY9bC4eF5gH1jK0xQ2uE7iO3aS8dG6hJ4kL"}' \
  | node -e 'const b=JSON.parse(require("fs").readFileSync(0)); if (b.code!==0||!/^[0-9a-f]{40}$/.test(b.response.access_token)) process.exit(1); console.log("getToken ok")'

step "README quick start (curl), twice in a row"
block quickstart.sh | sed "s|http://127.0.0.1:8080|$url|g" >"$work/quickstart.sh"
for run in 1 2; do
  out=$(bash "$work/quickstart.sh")
  [ "$(echo "$out" | grep -o '"status":"paid"' | wc -l)" -eq 2 ] || { echo "quick start run $run: $out" >&2; exit 1; }
  echo "run $run: both charges paid"
done

step "README client snippets: fetch (node), requests (python3)"
block client.mjs >"$app/client.mjs"
IAMPORT_API_URL=$url node "$app/client.mjs" | tee "$work/client.out"
grep -Eq '^imps?_[0-9]{12} paid$' "$work/client.out" || { echo 'client.mjs did not print a paid payment' >&2; exit 1; }
IAMPORT_API_URL=$url IMP_SECRET=wrong node "$app/client.mjs" 2>"$work/refused.err" && { echo 'client.mjs with a wrong secret exited 0' >&2; exit 1; }
grep -qx 'getToken refused: Unauthorized' "$work/refused.err" || { echo "client.mjs with a wrong secret: $(cat "$work/refused.err")" >&2; exit 1; }
echo "wrong secret: $(cat "$work/refused.err")"
block sandbox_client.py >"$work/sandbox_client.py"
IAMPORT_API_URL=$url python3 "$work/sandbox_client.py" | tee "$work/python.out"
grep -Eq '^imps?_[0-9]{12} paid$' "$work/python.out" || { echo 'sandbox_client.py did not print a paid payment' >&2; exit 1; }

step "README startServer example (iamport-sandbox/server, defaults)"
block server.mjs >"$app/server.mjs"
node "$app/server.mjs" | tee "$work/server-example.out"
grep -Eq '^http://127\.0\.0\.1:[0-9]+ ok$' "$work/server-example.out" || { echo 'server.mjs did not print its URL and ok' >&2; exit 1; }

step "README script recipe: --ready-file, wait, kill of npx's PID stops the server"
block ci-start.sh >"$work/ci-start.sh"
bash "$work/ci-start.sh" | tee "$work/ci-start.out"
grep -q '"status":"ok"' "$work/ci-start.out" || { echo 'ci-start.sh: no health answer' >&2; exit 1; }
# The server removes its ready file once it has flushed and closed.
for _ in $(seq 1 50); do [ -e sandbox.url ] || break; sleep 0.1; done
if [ -e sandbox.url ]; then echo "ci-start.sh: the server still runs 5 s after kill: $(cat sandbox.url)" >&2; exit 1; fi
echo "the server stopped"

step "GitHub Actions example: examples/github-actions/start-sandbox.sh, as the workflow runs it"
actions_port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
GITHUB_ENV=$work/github.env SANDBOX_PORT=$actions_port bash "$repo/examples/github-actions/start-sandbox.sh"
actions_pid=$(sed -n 's/^SANDBOX_PID=//p' "$work/github.env")
actions_url=$(sed -n 's/^IAMPORT_API_URL=//p' "$work/github.env")
[ "$actions_url" = "http://127.0.0.1:$actions_port" ] || { echo "start-sandbox.sh wrote IAMPORT_API_URL=$actions_url" >&2; exit 1; }
# The script has ended; the server it started must still serve the later steps.
IAMPORT_API_URL=$actions_url node "$app/client.mjs" | grep -E '^imps?_[0-9]{12} paid$' || { echo 'no paid charge at the URL start-sandbox.sh wrote' >&2; exit 1; }
kill "$actions_pid"
for _ in $(seq 1 50); do [ -e sandbox.url ] || break; sleep 0.1; done
if [ -e sandbox.url ]; then echo "start-sandbox.sh: the server still runs 5 s after kill" >&2; exit 1; fi
actions_pid=''

step "README msw example under tap, vitest, jest, node:test"
block test/billing.test.ts >test/billing.test.ts
block test/billing.vitest.test.ts >test/billing.vitest.test.ts
block jest.config.json >jest.config.json
block test/billing.jest.test.mjs >test/billing.jest.test.mjs
npx tap --allow-empty-coverage test/billing.test.ts
npx vitest run test/billing.vitest.test.ts
NODE_OPTIONS=--experimental-vm-modules npx jest test/billing.jest.test.mjs
block test/billing.node.test.mjs >test/billing.node.test.mjs
node --test test/billing.node.test.mjs

step "README parallel workers: two Jest workers, one tenant each, the same order ids, one server"
block test/tenant.jest.test.mjs >test/tenant.jest.test.mjs
cp test/tenant.jest.test.mjs test/tenant-copy.jest.test.mjs
IAMPORT_API_URL=$url NODE_OPTIONS=--experimental-vm-modules npx jest --maxWorkers=2 test/tenant.jest.test.mjs test/tenant-copy.jest.test.mjs

step "README seeding from a file (curl)"
(cd "$work" && block seed.sh | sed "s|http://127.0.0.1:8080|$url|g" | bash | tee "$work/seed.out")
grep -q '"payments":' "$work/seed.out" || { echo 'seed.sh: PUT /sandbox/state did not answer the import' >&2; exit 1; }

step "package check passed"
