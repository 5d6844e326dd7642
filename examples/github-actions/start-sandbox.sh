#!/usr/bin/env bash
# Starts the iamport-sandbox installed in node_modules in the background, waits until it answers, and hands its
# URL to the later steps of a GitHub Actions job through $GITHUB_ENV (IAMPORT_API_URL, SANDBOX_PID).
# scripts/package-check.sh runs this file against the installed package.
set -euo pipefail
port=${SANDBOX_PORT:-8080}
# The bin itself, not npx: $! is then the server's own PID, and no npm process stays between it and the job.
node_modules/.bin/iamport-sandbox --port "$port" --seed 42 --ready-file sandbox.url > sandbox.log 2>&1 &
pid=$!
# One line saying why after 30 s (or the server's own start-up error, in sandbox.log).
if ! url=$(node_modules/.bin/iamport-sandbox wait --ready-file sandbox.url --timeout 30s); then
  cat sandbox.log >&2
  kill "$pid" 2>/dev/null || true
  exit 1
fi
echo "iamport-sandbox at $url, pid $pid"
if [ -n "${GITHUB_ENV:-}" ]; then
  { echo "IAMPORT_API_URL=$url"; echo "SANDBOX_PID=$pid"; } >> "$GITHUB_ENV"
fi
