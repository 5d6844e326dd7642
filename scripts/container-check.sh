#!/usr/bin/env bash
# Build the project's Dockerfile and smoke-test the image on a machine that has
# no Docker engine and cannot pull from any container registry.
#
# What it does, in order:
#   1. installs buildah, podman, runc, debootstrap, podman-compose and the
#      dnsname CNI plugin (compose service names) with apt if missing;
#   2. assembles a local Node base image, localhost/node-local:<major>, from a
#      Debian minbase rootfs (debootstrap, from the mirror apt already uses)
#      plus this machine's own node binary and npm, laid out like the official
#      node:*-slim images (/usr/local/bin/node, user "node" uid 1000);
#   3. builds ./Dockerfile with `buildah bud --isolation chroot` and
#      NODE_IMAGE=<that image>, handing npm's registry/CA/auth config to the
#      build as secrets (read from this machine's npm config at run time);
#   4. runs the image (podman+runc on the host network; falls back to
#      `buildah run` if podman cannot start containers here), waits for
#      /sandbox/health, runs the image's own HEALTHCHECK, checks the process
#      is not root (and that it exposes 8080 alone and keeps its CA in /data/tls),
#      checks its HTTPS listener answers as api.iamport.kr with the CA it made,
#      and checks POST /users/getToken answers code 0 with a
#      40-hex access token for the merchant in fixtures/merchants.json;
#   5. runs the README's compose file (<!-- file: compose.yaml -->) with
#      podman-compose and a small app container that reaches the sandbox by
#      its service name, resets it with the control key and gets a token;
#   6. runs the README's testcontainers recipe against Podman's
#      Docker-compatible API socket;
#   7. removes the containers and the app image; exits non-zero on any failure.
#
# Usage:  sudo bash scripts/container-check.sh      (must run as root)
#
# Environment knobs (all optional):
#   PROJECT_DIR                      project to build (default: this repo)
#   CONTAINER_CHECK_STATE            state dir (default /var/lib/iamport-sandbox-container-check)
#   CONTAINER_CHECK_STORAGE_DRIVER   overlay | vfs (default: overlay if it mounts here, else vfs)
#   CONTAINER_CHECK_RUNNER           podman | buildah (default podman, with fallback)
#   CONTAINER_CHECK_REBUILD_BASE=1   rebuild the base image even if cached
#   CONTAINER_CHECK_KEEP_IMAGE=1     keep the built app image afterwards
#   DEBIAN_SUITE, DEBIAN_MIRROR      override what is read from /etc/os-release and apt
set -Eeuo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
PROJECT_DIR=$(cd "${PROJECT_DIR:-$SCRIPT_DIR/..}" && pwd)
STATE_DIR=${CONTAINER_CHECK_STATE:-/var/lib/iamport-sandbox-container-check}
RUNNER=${CONTAINER_CHECK_RUNNER:-podman}
APP_IMAGE=localhost/iamport-sandbox:container-check
CTR_NAME=iamport-sandbox-container-check-$$
# Bump when the base-image recipe below changes, so cached bases are rebuilt.
BASE_RECIPE=1

START=$SECONDS
log()  { printf '\n==> [%3ss] %s\n' "$((SECONDS - START))" "$*"; }
warn() { printf 'WARNING: %s\n' "$*" >&2; }
die()  { printf '\nCONTAINER CHECK FAILED: %s\n' "$*" >&2; exit 1; }
trap 'die "command failed (exit $?) at line $LINENO: $BASH_COMMAND"' ERR

[[ $(id -u) -eq 0 ]] || die "must run as root (buildah/podman here run rootful; rootless would need subuid ranges)"
[[ -f $PROJECT_DIR/Dockerfile ]] || die "no Dockerfile in $PROJECT_DIR"
command -v node >/dev/null || die "node is not on PATH (its binary is what goes into the base image)"
command -v npm >/dev/null  || die "npm is not on PATH"

# ---------------------------------------------------------------------------
# 1. Tools. apt-get update only when something is actually missing.
need=()
command -v buildah     >/dev/null || need+=(buildah)
command -v podman      >/dev/null || need+=(podman)
# podman pulls in crun, but crun 1.8 (bookworm) refuses this VM's hybrid
# cgroup v1/v2 layout ("cgroups in hybrid mode not supported"); runc works.
command -v runc        >/dev/null || need+=(runc)
command -v debootstrap >/dev/null || need+=(debootstrap)
command -v podman-compose >/dev/null || need+=(podman-compose)
# podman 4.3 networks are CNI ones here; dnsname is what resolves a service name.
[[ -x /usr/lib/cni/dnsname ]] || need+=(golang-github-containernetworking-plugin-dnsname)
if ((${#need[@]})); then
  log "installing ${need[*]} with apt"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq || die "apt-get update failed"
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null \
    || die "apt-get install ${need[*]} failed"
fi
log "tools: $(buildah --version | head -1); $(podman --version); $(runc --version | head -1)"

# ---------------------------------------------------------------------------
# 2. Container storage of our own (not the machine-wide default), so this
# script never touches anybody else's images and its cache survives runs.
mkdir -p "$STATE_DIR"
# One run at a time per state dir (the app image tag and the cached base image
# are shared); a second run waits for the first.
exec 9>"$STATE_DIR/lock"
flock -w 1200 9 || die "another container-check run holds $STATE_DIR/lock"

driver=${CONTAINER_CHECK_STORAGE_DRIVER:-}
if [[ -z $driver ]]; then
  # overlay is far faster than vfs (vfs copies every layer in full), but only
  # works where the kernel allows an overlay mount on this filesystem: try one.
  o=$(mktemp -d "$STATE_DIR/ovl-probe.XXXXXX"); mkdir -p "$o"/{l,u,w,m}
  if mount -t overlay overlay -o "lowerdir=$o/l,upperdir=$o/u,workdir=$o/w" "$o/m" 2>/dev/null; then
    umount "$o/m"; driver=overlay
  else
    driver=vfs
  fi
  rm -rf "$o"
fi
# One graph root per driver: a store created with one driver cannot be opened
# with another.
cat >"$STATE_DIR/storage-$driver.conf" <<EOF
[storage]
driver = "$driver"
graphroot = "$STATE_DIR/storage-$driver"
runroot = "$STATE_DIR/run-$driver"
EOF
export CONTAINERS_STORAGE_CONF=$STATE_DIR/storage-$driver.conf
log "storage driver $driver, store $STATE_DIR/storage-$driver"

# podman flags that make `podman run` work in this VM:
#  --runtime runc: see above (crun vs hybrid cgroups);
#  --ulimit: podman asks for rlimits above the current hard limits, which fails
#    here because the VM withholds CAP_SYS_RESOURCE; ask for what we have.
PODMAN=(podman --runtime "$(command -v runc)")
PODMAN_RUN_LIMITS=(--ulimit "nofile=$(ulimit -Sn):$(ulimit -Hn)" --ulimit "nproc=4096:4096")

# A failed debootstrap can leave proc/sys/dev mounted inside its rootfs:
# unmount everything below a scratch dir first, never rm -rf across a mount.
mounts_under() { awk -v p="$1/" 'index($2, p) == 1 { print $2 }' /proc/mounts | sort -r; }
safe_rm_dir() {
  local m
  for m in $(mounts_under "$1"); do umount -l "$m"; done
  if [[ -n $(mounts_under "$1") ]]; then
    warn "mounts remain under $1; leaving it in place"
  else
    rm -rf --one-file-system "$1"
  fi
}

# Leftovers of an earlier run that was killed (we hold the lock, so nothing
# else is using them): scratch dirs, containers, the app image.
for d in "$STATE_DIR"/tmp.*; do if [[ -d $d ]]; then safe_rm_dir "$d"; fi; done
"${PODMAN[@]}" rm -f -a -t 2 >/dev/null 2>&1 || true
"${PODMAN[@]}" volume prune -f >/dev/null 2>&1 || true
buildah rm --all >/dev/null 2>&1 || true
buildah rmi -f "$APP_IMAGE" >/dev/null 2>&1 || true

TMP=$(mktemp -d "$STATE_DIR/tmp.XXXXXX")
bg_pid=''; work_ctr=''; service_pid=''; compose_up=0
# Compose names its network, pod and volume after the project; networks are
# machine-wide (/etc/cni/net.d), so the name is this run's own.
PROJECT=iamport-sandbox-check-$$
cleanup() {
  local rc=$?
  trap - ERR
  set +e
  [[ -n $bg_pid ]] && kill "$bg_pid" 2>/dev/null && wait "$bg_pid" 2>/dev/null
  [[ -n $service_pid ]] && kill "$service_pid" 2>/dev/null && wait "$service_pid" 2>/dev/null
  if ((compose_up)); then
    (cd "$TMP/compose" && podman-compose -p "$PROJECT" -f compose.yaml -f override.json down -v -t 2) >/dev/null 2>&1
    # down -v has been seen to leave the volume behind after a failed app.
    podman volume rm -f "${PROJECT}_sandbox-data" >/dev/null 2>&1
    podman network rm -f "${PROJECT}_default" >/dev/null 2>&1
  fi
  "${PODMAN[@]}" rm -f -t 2 "$CTR_NAME" >/dev/null 2>&1
  # A testcontainers container left by a recipe that failed before its stop() (testcontainers labels its own).
  "${PODMAN[@]}" ps -aq --filter label=org.testcontainers=true | xargs -r "${PODMAN[@]}" rm -f -t 2 >/dev/null 2>&1
  [[ -n $work_ctr ]] && buildah rm "$work_ctr" >/dev/null 2>&1
  if [[ ${CONTAINER_CHECK_KEEP_IMAGE:-0} != 1 ]]; then
    buildah rmi -f "$APP_IMAGE" >/dev/null 2>&1
  fi
  # Dangling stage images of this build; only our own store is affected.
  buildah rmi --prune >/dev/null 2>&1
  safe_rm_dir "$TMP"
  if ((rc == 0)); then
    printf '\nCONTAINER CHECK PASSED in %ss\n' "$((SECONDS - START))"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------------------
# 3. Local Node base image.
node_bin=$(node -p 'process.execPath')             # the real binary, not a shim
npm_dir=$(cd "$(dirname "$(readlink -f "$(command -v npm)")")/.." && pwd)  # .../node_modules/npm
[[ -f $npm_dir/package.json ]] || die "cannot locate npm's package dir (got $npm_dir)"
node_version=$(node -p 'process.version')          # v20.20.2
node_major=${node_version#v}; node_major=${node_major%%.*}
BASE_IMAGE=localhost/node-local:$node_major

# Debian suite and mirror: the same as this machine's, read from the system, so
# the rootfs libc matches what the host node binary was linked against.
# shellcheck disable=SC1091
suite=${DEBIAN_SUITE:-$(. /etc/os-release && echo "${VERSION_CODENAME:-}")}
[[ -n $suite ]] || die "cannot tell the Debian codename; set DEBIAN_SUITE"
# shellcheck disable=SC2016 # $(...) is apt's template syntax
mirror=${DEBIAN_MIRROR:-$(apt-get indextargets --format '$(RELEASE) $(REPO_URI)' 'Identifier: Packages' 2>/dev/null \
  | awk -v s="$suite" '$1 == s { print $2; exit }')}
[[ -n $mirror ]] || die "no apt source for suite '$suite' found (apt-get update?); set DEBIAN_MIRROR"

# Cache key: everything that goes into the base. If it matches the label on
# the cached image, reuse it (safe: same inputs, nothing pulled from outside).
base_key=$( { echo "recipe=$BASE_RECIPE suite=$suite mirror=$mirror"; sha256sum "$node_bin";
             cat "$npm_dir/package.json"; } | sha256sum | cut -c1-32)
cached_key=$(buildah inspect --type image --format '{{index .OCIv1.Config.Labels "node-local.key"}}' "$BASE_IMAGE" 2>/dev/null || true)

if [[ ${CONTAINER_CHECK_REBUILD_BASE:-0} != 1 && $cached_key == "$base_key" ]]; then
  log "reusing cached base image $BASE_IMAGE (node $node_version, $suite)"
else
  log "assembling base image $BASE_IMAGE: debootstrap $suite from $mirror + node $node_version from $node_bin"
  rootfs=$TMP/rootfs
  # minbase: essential packages + apt, the closest thing to debian:*-slim.
  # Release signatures are verified with the host's debian-archive-keyring.
  debootstrap --variant=minbase "$suite" "$rootfs" "$mirror" >"$TMP/debootstrap.log" 2>&1 \
    || { tail -20 "$TMP/debootstrap.log" >&2; die "debootstrap failed (log above)"; }
  # Slim it down like the official slim images: no package lists, no
  # downloaded .debs, no docs (fewer bytes to commit and copy per build).
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* \
         "$rootfs"/usr/share/{doc,man,info}/* "$rootfs"/var/log/*.log
  # The same unprivileged user the official node images ship.
  chroot "$rootfs" groupadd --gid 1000 node
  chroot "$rootfs" useradd --uid 1000 --gid node --shell /bin/bash --create-home node
  # Node and npm where the official images have them.
  install -D -m 0755 "$node_bin" "$rootfs/usr/local/bin/node"
  mkdir -p "$rootfs/usr/local/lib/node_modules"
  cp -a "$npm_dir" "$rootfs/usr/local/lib/node_modules/npm"
  ln -s ../lib/node_modules/npm/bin/npm-cli.js "$rootfs/usr/local/bin/npm"
  ln -s ../lib/node_modules/npm/bin/npx-cli.js "$rootfs/usr/local/bin/npx"
  # Fail here, not halfway through the app build, if the host's node needs a
  # library that the Debian rootfs lacks.
  # (env -i: the host's NODE_EXTRA_CA_CERTS etc. mean nothing inside the rootfs.)
  chroot "$rootfs" /usr/bin/env -i PATH=/usr/local/bin:/usr/bin:/bin /usr/local/bin/node --version >/dev/null || die "host node does not run inside the $suite rootfs"
  chroot "$rootfs" /usr/bin/env -i PATH=/usr/local/bin:/usr/bin:/bin /usr/local/bin/npm --version >/dev/null || die "npm does not run inside the $suite rootfs"

  buildah rmi -f "$BASE_IMAGE" >/dev/null 2>&1 || true
  bctr=$(buildah from scratch)
  mnt=$(buildah mount "$bctr")
  cp -a "$rootfs/." "$mnt/"
  buildah umount "$bctr" >/dev/null
  buildah config \
    --env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    --env NODE_VERSION="${node_version#v}" \
    --label node-local.key="$base_key" \
    --label node-local.source="debootstrap $suite + host node $node_version" \
    --cmd node "$bctr"
  buildah commit -q --rm "$bctr" "$BASE_IMAGE" >/dev/null
  rm -rf "$rootfs"
fi

# ---------------------------------------------------------------------------
# 4. Build. npm inside the build must use the same registry, CA bundle and
# credentials as npm on this machine; none of that is written into the
# Dockerfile or the image: it goes in as build secrets (see the Dockerfile).
registry=$(npm config get registry 2>/dev/null)
[[ $registry == http* ]] || die "npm config get registry gave '$registry'"
npmrc=$TMP/npmrc; ca=$TMP/npm_ca.pem
( umask 077
  # Carry over the global and user npmrc (auth tokens, scoped registries,
  # proxy, strict-ssl, ...) minus keys that hold host paths or that we set.
  for f in "$(npm config get globalconfig 2>/dev/null)" "$(npm config get userconfig 2>/dev/null)"; do
    if [[ -f $f ]]; then
      grep -Ev '^[[:space:]]*(registry|cafile|ca|ca\[\]|nodedir|prefix|cache|globalconfig|userconfig)[[:space:]]*=' "$f" || true
    fi
  done >"$npmrc"
  echo "registry=$registry" >>"$npmrc"
  # CA bundle: npm's cafile replaces the default CAs; NODE_EXTRA_CA_CERTS adds
  # to them. Reproduce both: (cafile or node's built-in roots) + extra certs.
  cafile=$(npm config get cafile 2>/dev/null || true)
  if [[ -n $cafile && $cafile != null && $cafile != undefined && -f $cafile ]]; then
    cat "$cafile" >"$ca"
  else
    node -p 'require("tls").rootCertificates.join("\n")' >"$ca"
  fi
  extra=${NODE_EXTRA_CA_CERTS:-}
  if [[ -n $extra && -f $extra && $(readlink -f "$extra") != $(readlink -f "${cafile:-/nonexistent}") ]]; then
    cat "$extra" >>"$ca"
  fi
  echo "cafile=/run/secrets/npm_ca" >>"$npmrc"
)

log "building $PROJECT_DIR/Dockerfile (FROM $BASE_IMAGE, npm registry $registry)"
# --format docker: OCI image config has no HEALTHCHECK; docker format keeps it.
# --pull=never: the base exists only locally; there is no registry to ask.
# --isolation chroot: no OCI runtime needed, RUN steps share the host network.
# --jobs 2: the "build" and "deps" stages are independent; running them side
#   by side saves about a third of the build time on this 2-core machine.
# No --layers: every run builds from scratch, so a stale layer can never hide
#   a broken Dockerfile; only the npm download cache (a cache mount, see the
#   Dockerfile; buildah keeps it under /var/tmp/buildah-cache) is reused.
build_start=$SECONDS
buildah bud \
  --isolation chroot \
  --format docker \
  --pull=never \
  --jobs 2 \
  --build-arg NODE_IMAGE="$BASE_IMAGE" \
  --build-arg VERSION="$(node -p 'require(process.argv[1]).version' "$PROJECT_DIR/package.json")" \
  --secret id=npmrc,src="$npmrc" \
  --secret id=npm_ca,src="$ca" \
  -f "$PROJECT_DIR/Dockerfile" \
  -t "$APP_IMAGE" \
  "$PROJECT_DIR" || die "buildah bud failed (build output above)"
log "image built in $((SECONDS - build_start))s"

# Static checks on the image config, read as JSON.
buildah inspect --type image "$APP_IMAGE" >"$TMP/inspect.json"
node - "$TMP/inspect.json" "$PROJECT_DIR/package.json" <<'EOF' || die "image configuration check failed"
const j = JSON.parse(require('fs').readFileSync(process.argv[2], 'utf8'));
const c = j.Docker?.config ?? {};
const problems = [];
const labels = c.Labels ?? {};
const want = { title: 'iamport-sandbox', licenses: 'MIT', version: require(process.argv[3]).version };
for (const [key, value] of Object.entries(want)) {
  if (labels[`org.opencontainers.image.${key}`] !== value) problems.push(`label org.opencontainers.image.${key} is '${labels[`org.opencontainers.image.${key}`] ?? ''}', expected '${value}'`);
}
if (!c.User || ['root', '0', '0:0'].includes(c.User)) problems.push(`USER is '${c.User ?? ''}', expected non-root`);
if (!c.Healthcheck?.Test?.length) problems.push('no HEALTHCHECK');
// Only what listens by default: an exposed port nothing binds (8443 while HTTPS is off) keeps testcontainers on
// Podman waiting for its binding.
if (Object.keys(c.ExposedPorts ?? {}).join() !== '8080/tcp') problems.push(`exposes ${Object.keys(c.ExposedPorts ?? {}).join() || 'nothing'}, expected 8080/tcp alone`);
// The HTTPS listener's CA is made at first start in the data volume, so it outlives the container.
for (const e of ['HOST=0.0.0.0', 'PORT=8080', 'IAMPORT_SANDBOX_TLS_DIR=/data/tls']) if (!(c.Env ?? []).includes(e)) problems.push(`ENV ${e} missing`);
if (problems.length) { console.error(problems.join('\n')); process.exit(1); }
console.log(`config ok: USER=${c.User} CMD=${JSON.stringify(c.Cmd)} HEALTHCHECK=${JSON.stringify(c.Healthcheck.Test)}`);
EOF

# ---------------------------------------------------------------------------
# 5. Run it and talk to it.
# A free port on loopback, chosen by the kernel. The container shares the host
# network (no bridge, no iptables changes), binds HOST=0.0.0.0:PORT, and we
# talk to it on 127.0.0.1:PORT.
port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
base_url=http://127.0.0.1:$port
# The HTTPS listener on a second free port: the image makes its CA in /data/tls at this first start.
https_port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')

start_podman() {
  "${PODMAN[@]}" run -d --name "$CTR_NAME" --network host --pull=never \
    "${PODMAN_RUN_LIMITS[@]}" -e HOST=0.0.0.0 -e PORT="$port" -e IAMPORT_SANDBOX_HTTPS_PORT="$https_port" \
    "$APP_IMAGE" >/dev/null 2>"$TMP/podman-run.err"
}
start_buildah() {
  # buildah run does not use the image's CMD: take it from the image config.
  mapfile -t cmd < <(node -e 'const c=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8")).Docker.config; for (const a of [...(c.Entrypoint??[]), ...(c.Cmd??[])]) console.log(a)' "$TMP/inspect.json")
  work_ctr=$(buildah from --pull=never "$APP_IMAGE")
  buildah run --isolation chroot --env HOST=0.0.0.0 --env PORT="$port" --env IAMPORT_SANDBOX_HTTPS_PORT="$https_port" \
    "$work_ctr" -- "${cmd[@]}" \
    >"$TMP/server.log" 2>&1 &
  bg_pid=$!
}

if [[ $RUNNER == podman ]]; then
  if start_podman; then
    log "started container $CTR_NAME with podman (runc, host network) on $base_url"
  else
    # podman's "systemd" healthcheck-timer messages are noise here; show the rest.
    grep -v systemd "$TMP/podman-run.err" >&2 || true
    warn "podman could not start the container here; falling back to 'buildah run'"
    "${PODMAN[@]}" rm -f "$CTR_NAME" >/dev/null 2>&1 || true
    RUNNER=buildah
  fi
fi
if [[ $RUNNER == buildah ]]; then
  start_buildah
  log "started container with 'buildah run --isolation chroot' on $base_url"
fi

server_running() {
  if [[ $RUNNER == podman ]]; then
    [[ $("${PODMAN[@]}" inspect -f '{{.State.Running}}' "$CTR_NAME" 2>/dev/null) == true ]]
  else
    kill -0 "$bg_pid" 2>/dev/null
  fi
}
server_logs() {
  if [[ $RUNNER == podman ]]; then "${PODMAN[@]}" logs "$CTR_NAME" 2>&1 | grep -v 'systemd' | tail -40
  else tail -40 "$TMP/server.log"; fi
}
fail_with_logs() { echo "--- server output ---" >&2; server_logs >&2 || true; die "$1"; }

# Wait up to 60 s for /sandbox/health; stop early if the server has died.
ready=0
for _ in $(seq 1 120); do
  server_running || fail_with_logs "the server exited before answering /sandbox/health"
  if node -e 'fetch(process.argv[1]).then(r=>process.exit(r.status===200?0:1),()=>process.exit(1))' "$base_url/sandbox/health"; then
    ready=1; break
  fi
  sleep 0.5
done
((ready)) || fail_with_logs "no 200 from $base_url/sandbox/health within 60s"
log "GET /sandbox/health answered 200"

# The image's own HEALTHCHECK command, run inside the container the way
# Docker would run it.
if [[ $RUNNER == podman ]]; then
  hc=$("${PODMAN[@]}" healthcheck run "$CTR_NAME" >/dev/null 2>&1; echo $?)
  uid=$("${PODMAN[@]}" exec "$CTR_NAME" id -u)
else
  mapfile -t hcmd < <(node -e 'const t=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8")).Docker.config.Healthcheck.Test; (t[0]==="CMD-SHELL"?["/bin/sh","-c",t[1]]:t.slice(1)).forEach(a=>console.log(a))' "$TMP/inspect.json")
  hc=$(buildah run --isolation chroot --env PORT="$port" "$work_ctr" -- "${hcmd[@]}" >/dev/null 2>&1; echo $?)
  uid=$(buildah run --isolation chroot "$work_ctr" -- id -u)
fi
[[ $hc == 0 ]] || fail_with_logs "the image's HEALTHCHECK command failed (exit $hc)"
log "image HEALTHCHECK passed"
[[ $uid =~ ^[0-9]+$ && $uid != 0 ]] || fail_with_logs "container process runs as uid '$uid', expected non-root"
log "container runs as uid $uid"

# getToken with the default merchant's credentials from the project's fixtures.
node - "$PROJECT_DIR/fixtures/merchants.json" "$base_url" <<'EOF' || fail_with_logs "POST /users/getToken check failed"
const [file, base] = process.argv.slice(2);
const data = JSON.parse(require('fs').readFileSync(file, 'utf8'));
const list = Array.isArray(data) ? data : Array.isArray(data.merchants) ? data.merchants : [data];
const m = list.find((x) => x?.default && x.imp_key) ?? list.find((x) => x?.imp_key && x?.imp_secret);
if (!m) { console.error(`no merchant with imp_key/imp_secret in ${file}`); process.exit(1); }
(async () => {
  const res = await fetch(`${base}/users/getToken`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ imp_key: m.imp_key, imp_secret: m.imp_secret }),
  });
  const text = await res.text();
  let body; try { body = JSON.parse(text); } catch { body = undefined; }
  const token = body?.response?.access_token;
  if (res.status !== 200 || body?.code !== 0 || !/^[0-9a-f]{40}$/.test(token ?? '')) {
    console.error(`unexpected answer: HTTP ${res.status} ${text.slice(0, 500)}`);
    process.exit(1);
  }
  console.log(`getToken ok for imp_key ${m.imp_key}: access_token ${token.slice(0, 8)}…, expired_at ${body.response.expired_at}`);
})().catch((e) => { console.error(e); process.exit(1); });
EOF
log "POST /users/getToken answered code 0 with a 40-hex access_token"
if [[ $RUNNER == podman ]]; then
  "${PODMAN[@]}" exec "$CTR_NAME" cat /data/tls/ca.pem >"$TMP/ca.pem" || die "no CA in the container's /data/tls"
else
  buildah run --isolation chroot "$work_ctr" -- cat /data/tls/ca.pem >"$TMP/ca.pem" || die "no CA in the container's /data/tls"
fi
# As a client fixed to https://api.iamport.kr reaches it: that name in TLS and Host, trusting only the image's CA.
# It listens just after the plain listener that /sandbox/health answered on: a few tries.
node - "$https_port" "$TMP/ca.pem" <<'EOF' || die "the HTTPS listener did not answer as api.iamport.kr with the image's CA"
const [port, caFile] = process.argv.slice(2);
const ca = require('fs').readFileSync(caFile);
const health = () => new Promise((resolve, reject) => {
  require('https').get({ host: '127.0.0.1', port, path: '/sandbox/health', servername: 'api.iamport.kr',
    headers: { host: 'api.iamport.kr' }, ca }, (res) => { res.resume(); res.on('end', () => resolve(res.statusCode)); })
    .on('error', reject);
});
(async () => {
  for (let tries = 1; ; tries++) {
    try { process.exit((await health()) === 200 ? 0 : 1); } catch (error) {
      if (tries === 20 || error.code !== 'ECONNREFUSED') { console.error(error.message); process.exit(1); }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
})();
EOF
log "HTTPS on $https_port: the image made its CA in /data/tls and answers as api.iamport.kr"
# ---------------------------------------------------------------------------
# 6. The README's compose file, run as written but for the two lines that
# name an image: the sandbox's release image and the app's `build: .` both
# become the image built above; override.json (JSON is YAML) gives the app a
# command. podman-compose runs plain podman: the runtime and rlimits that
# PODMAN/PODMAN_RUN_LIMITS pass above go in through a containers.conf.
"${PODMAN[@]}" rm -f -t 2 "$CTR_NAME" >/dev/null 2>&1 || true
cat >"$TMP/containers.conf" <<EOF
[containers]
default_ulimits = ["nofile=$(ulimit -Sn):$(ulimit -Hn)", "nproc=4096:4096"]
[engine]
runtime = "$(command -v runc)"
EOF
export CONTAINERS_CONF=$TMP/containers.conf
mkdir -p "$TMP/compose"
node "$SCRIPT_DIR/readme-block.mjs" "$PROJECT_DIR/README.md" compose.yaml >"$TMP/compose/readme.yaml"
sed -e "s|^    image: iamport-sandbox:.*|    image: $APP_IMAGE|" -e "s|^    build: \. .*|    image: $APP_IMAGE|" \
  "$TMP/compose/readme.yaml" >"$TMP/compose/compose.yaml"
[[ $(diff "$TMP/compose/readme.yaml" "$TMP/compose/compose.yaml" | grep -c '^>') == 2 ]] \
  || die "the README's compose.yaml no longer has one 'image: iamport-sandbox:…' and one 'build: .' line"
# The app: what a test suite in another service does first.
node - "$TMP/compose/override.json" <<'EOF'
const app = `
const base = process.env.IAMPORT_API_URL;
const key = process.env.SANDBOX_CONTROL_KEY;
const call = (path, { body, headers = {} } = {}) => fetch(base + path, body && {
  method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body),
}).then(async (r) => ({ status: r.status, body: await r.json() }));
let health = null;
for (let i = 0; i < 120 && health?.status !== 200; i++) {
  health = await call('/sandbox/health').catch(() => null);
  if (health?.status !== 200) await new Promise((r) => setTimeout(r, 500));
}
if (health?.status !== 200) throw new Error('no 200 from ' + base + '/sandbox/health in 60 s');
const keyless = await call('/sandbox/reset', { body: {} });
if (keyless.status !== 401) throw new Error('reset without the key: HTTP ' + keyless.status);
const reset = await call('/sandbox/reset', { body: {}, headers: { 'x-sandbox-control-key': key } });
if (reset.body.code !== 0) throw new Error('reset with the key: ' + JSON.stringify(reset));
const token = await call('/users/getToken', { body: { imp_key: '7486213512445823',
  imp_secret: 'sandboxSecretA0001zVv7dKq3LmN8pR2sT6wY9bC4eF5gH1jK0xQ2uE7iO3aS8dG6hJ4kL' } });
if (token.body.code !== 0) throw new Error('getToken: ' + JSON.stringify(token));
console.log('app: ' + base + ' healthy, reset without the key 401, with it code 0, getToken code 0');
`;
const override = { services: { app: { command: ['node', '--input-type=module', '-e', app] } } };
require('fs').writeFileSync(process.argv[2], JSON.stringify(override, null, 2));
EOF
compose_port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
compose() { (cd "$TMP/compose" && SANDBOX_CONTROL_KEY=check-$$-key SANDBOX_PORT=$compose_port \
  podman-compose -p "$PROJECT" -f compose.yaml -f override.json "$@"); }
log "podman-compose up: the README's compose.yaml (project $PROJECT, sandbox published on port $compose_port)"
compose_up=1
compose up -d --no-build >"$TMP/compose-up.log" 2>&1 || { cat "$TMP/compose-up.log" >&2; die "podman-compose up failed"; }
compose_logs() { echo "--- compose up ---"; cat "$TMP/compose-up.log"; for s in sandbox app; do echo "--- $s ---"; podman logs "${PROJECT}_${s}_1" 2>&1 | tail -30; done; }
app_rc=$(timeout 90 podman wait "${PROJECT}_app_1" 2>&1) || { compose_logs >&2; die "the compose app did not finish in 90 s ($app_rc)"; }
[[ $app_rc == 0 ]] || { compose_logs >&2; die "the compose app exited $app_rc"; }
podman logs "${PROJECT}_app_1" 2>&1 | grep '^app: '
# The port the file publishes answers on the host too.
node -e 'fetch(process.argv[1]).then(r=>process.exit(r.status===200?0:1),()=>process.exit(1))' "http://127.0.0.1:$compose_port/sandbox/health" \
  || { compose_logs >&2; die "the published port $compose_port does not answer /sandbox/health"; }
podman exec "${PROJECT}_sandbox_1" test -s /data/db.json || { compose_logs >&2; die "no /data/db.json on the sandbox's volume"; }
compose down -v -t 2 >/dev/null 2>&1 || die "podman-compose down -v failed"
podman network rm -f "${PROJECT}_default" >/dev/null 2>&1 || true
compose_up=0
log "compose: app reached http://sandbox:8080 by its service name; reset with the key answered code 0"

# ---------------------------------------------------------------------------
# 7. The README's testcontainers recipe, through Podman's Docker-compatible
# API on a socket of this run's own (the README names /run/podman/podman.sock).
socket=$TMP/podman.sock
# Without fd 9: a container the service starts would inherit the state dir's lock and hold it while it runs.
podman system service --time=0 "unix://$socket" >"$TMP/podman-service.log" 2>&1 9>&- &
service_pid=$!
for _ in $(seq 1 50); do [[ -S $socket ]] && break; sleep 0.1; done
[[ -S $socket ]] || { cat "$TMP/podman-service.log" >&2; die "podman system service did not open $socket"; }
tc=$TMP/testcontainers
mkdir -p "$tc"
log "installing testcontainers@11.14.0 into a scratch project"
(cd "$tc" && npm init -y >/dev/null && npm pkg set type=module \
  && npm install --no-audit --no-fund --loglevel=error testcontainers@11.14.0 >/dev/null) || die "npm install testcontainers failed"
node "$SCRIPT_DIR/readme-block.mjs" "$PROJECT_DIR/README.md" sandbox.testcontainers.mjs >"$tc/sandbox.testcontainers.mjs"
# /.dockerenv on a CI machine makes testcontainers look for the host at a gateway address.
tc_out=$(cd "$tc" && SANDBOX_IMAGE=$APP_IMAGE DOCKER_HOST=unix://$socket TESTCONTAINERS_RYUK_DISABLED=true \
  TESTCONTAINERS_HOST_OVERRIDE=127.0.0.1 timeout 120 node sandbox.testcontainers.mjs 2>&1) \
  || { printf '%s\n' "$tc_out" >&2; die "the README's testcontainers recipe failed"; }
printf '%s\n' "$tc_out"
grep -Eq '^imps?_[0-9]{12} paid, reset code 0$' <<<"$tc_out" || die "the testcontainers recipe did not print a paid charge and reset code 0"
log "testcontainers: started the image, waited for /sandbox/health, charged and reset through the mapped port"
# cleanup (trap) removes the containers and the app image and prints PASSED.
