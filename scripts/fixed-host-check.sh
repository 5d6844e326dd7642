#!/usr/bin/env bash
# Clients whose address is fixed in their code (https://api.iamport.kr) reach the sandbox by that name: in a private
# network and mount namespace (only loopback, so nothing reaches the internet), /etc/hosts maps api.iamport.kr to
# 127.0.0.1, the built sandbox serves HTTPS on 443 with its local CA, and the README's three clients run with the URL
# written literally, each trusting the CA its own way: Node (NODE_EXTRA_CA_CERTS), Python requests
# (REQUESTS_CA_BUNDLE) and, when a JDK is here, Java (a truststore made with keytool). Each must print
# "getToken code 0". Run by .ci/run, as root (unshare, port 443); needs `npm run build` first.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
step() { printf '\n==> [%3ss] %s\n' "$SECONDS" "$*"; }
block() { node "$repo/scripts/readme-block.mjs" "$repo/README.md" "$1"; }

if [ "${1:-}" != inside ]; then
  [ "$(id -u)" -eq 0 ] || { echo 'fixed-host-check.sh runs as root (unshare, port 443)' >&2; exit 1; }
  [ -f "$repo/dist/src/cli.js" ] || { echo "$repo/dist/src/cli.js is missing: run npm run build first" >&2; exit 1; }
  # Debian's requests, for a python3 without it (PyPI is not needed, nor reachable everywhere this runs).
  python=python3
  if ! python3 -c 'import requests' 2>/dev/null; then
    python=/usr/bin/python3
    if ! /usr/bin/python3 -c 'import requests' 2>/dev/null; then
      step "apt-get install python3-requests"
      apt-get update -qq && apt-get install -y -qq --no-install-recommends python3-requests >/dev/null
    fi
  fi
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  block fixed_host.mjs >"$work/fixed_host.mjs"
  block fixed_host.py >"$work/fixed_host.py"
  block Fixed.java >"$work/Fixed.java"
  step "a private network and mount namespace: loopback only, api.iamport.kr in /etc/hosts"
  FIXED_HOST_WORK=$work FIXED_HOST_PYTHON=$python unshare --net --mount --fork bash "$0" inside
  exit
fi

# Inside the namespace from here on.
work=$FIXED_HOST_WORK
server_pid=''
trap 'if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi' EXIT
ip link set lo up
printf '127.0.0.1 localhost\n127.0.0.1 api.iamport.kr\n' >"$work/hosts"
mount --bind "$work/hosts" /etc/hosts
[ "$(getent hosts api.iamport.kr | awk '{ print $1 }')" = 127.0.0.1 ] || { echo 'api.iamport.kr does not resolve to 127.0.0.1 here' >&2; exit 1; }

step "the sandbox on :8080 and HTTPS on :443 (a new CA in $work/tls)"
node "$repo/dist/src/cli.js" --port 8080 --https-port 443 --tls-dir "$work/tls" --ready-file "$work/ready" --log-level warn >"$work/server.log" 2>&1 &
server_pid=$!
node "$repo/dist/src/cli.js" wait --ready-file "$work/ready" --timeout 30s >/dev/null || { cat "$work/server.log" >&2; exit 1; }
[ "$(sed -n 2p "$work/ready")" = https://127.0.0.1:443 ] || { echo "no HTTPS listener: $(cat "$work/ready")" >&2; exit 1; }
ca=$work/tls/ca.pem

failed=0
expect() { # name, output file: the client must have printed exactly "getToken code 0"
  if [ "$(cat "$2")" = 'getToken code 0' ]; then echo "$1: getToken code 0"; else echo "$1 FAILED: $(cat "$2")" >&2; failed=$((failed + 1)); fi
}

step "Node, fetch of https://api.iamport.kr, NODE_EXTRA_CA_CERTS"
NODE_EXTRA_CA_CERTS=$ca node "$work/fixed_host.mjs" >"$work/node.out" 2>&1 || true
expect node "$work/node.out"

step "Python requests ($FIXED_HOST_PYTHON), REQUESTS_CA_BUNDLE"
REQUESTS_CA_BUNDLE=$ca "$FIXED_HOST_PYTHON" "$work/fixed_host.py" >"$work/python.out" 2>&1 || true
expect python "$work/python.out"

if command -v java >/dev/null && command -v keytool >/dev/null; then
  step "Java ($(java -version 2>&1 | head -n 1)), java.net.http, a truststore made with keytool"
  keytool -importcert -noprompt -alias iamport-sandbox -file "$ca" -keystore "$work/truststore.p12" -storetype PKCS12 -storepass changeit >/dev/null
  java -Djavax.net.ssl.trustStore="$work/truststore.p12" -Djavax.net.ssl.trustStorePassword=changeit "$work/Fixed.java" >"$work/java.out" 2>&1 || true
  expect java "$work/java.out"
else
  echo 'java: no JDK here, not run'
fi

step "a client that does not trust the CA is refused"
if node "$work/fixed_host.mjs" >"$work/untrusted.out" 2>&1; then echo 'node without the CA reached the sandbox' >&2; failed=$((failed + 1)); else echo "refused: $(grep -o 'UNABLE_TO_VERIFY_LEAF_SIGNATURE\|unable to verify[^"]*\|self[- ]signed[^"]*' "$work/untrusted.out" | head -n 1)"; fi

[ "$failed" -eq 0 ] || { echo "$failed fixed-address client(s) failed" >&2; exit 1; }
echo 'every fixed-address client reached the sandbox as api.iamport.kr'
