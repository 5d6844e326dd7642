#!/usr/bin/env bash
# Makes the release artifacts of the commit checked out (HEAD) into OUTDIR, from a clean clone of that commit, so
# nothing uncommitted or ignored in this working tree ends up in them:
#   iamport-sandbox-X.Y.Z.tgz          the npm package (`npm pack`; its prepare step builds dist/)
#   iamport-sandbox-X.Y.Z.image.tar    the container image iamport-sandbox:X.Y.Z (docker-archive: `docker load -i`,
#                                      `podman load -i`), built with buildah or podman when one is installed
#   SHA256SUMS                         of the above
# Before anything is built it checks that CHANGELOG.md has a section for X.Y.Z and that the OpenAPI document
# names the same version; it warns when HEAD is not tagged vX.Y.Z (a release is tagged before its artifacts
# are published).
#
# Usage:  bash scripts/release.sh OUTDIR
# Environment (optional):
#   RELEASE_LINK_NODE_MODULES=1  link this tree's node_modules into the clone instead of `npm ci` there (offline;
#                                the lockfile is the same only if node_modules was installed from it)
#   RELEASE_NO_IMAGE=1           skip the image
#   RELEASE_SOURCE=URL           the repository's public URL: package.json's `repository` in the tarball and the
#                                image's org.opencontainers.image.source label (default: this clone's `origin`
#                                remote when it is a URL; else both are left out, with a warning)
#   NODE_IMAGE=IMAGE             the image's base (the Dockerfile's build argument; default node:22-bookworm-slim)
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: bash scripts/release.sh OUTDIR" >&2; exit 2; }
repo=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$1"
out=$(cd "$1" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
step() { printf '\n==> [%3ss] %s\n' "$SECONDS" "$*"; }
fail() { echo "release: $*" >&2; exit 1; }

commit=$(git -C "$repo" rev-parse HEAD)
step "clean clone of $commit"
git clone -q --no-checkout "$repo" "$work/clone"
git -C "$work/clone" checkout -q --detach "$commit"
cd "$work/clone"
version=$(node -p 'require("./package.json").version')
grep -q "^## \[$version\]" CHANGELOG.md || fail "CHANGELOG.md has no section \"## [$version]\""
tag=$(git -C "$repo" tag --points-at "$commit" | grep -x "v$version" || true)
[ -n "$tag" ] || echo "release: warning: HEAD is not tagged v$version (git tag v$version before publishing)" >&2

step "dependencies"
if [ "${RELEASE_LINK_NODE_MODULES:-}" = 1 ]; then
  ln -s "$repo/node_modules" node_modules
else
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
fi

# The repository's public URL is known only where the release is made: package.json's `repository` (and the image's
# source label) come from it, never from a guess committed to the tree.
source=${RELEASE_SOURCE:-$(git -C "$repo" remote get-url origin 2>/dev/null || true)}
case $source in
  https://* | git+https://* | ssh://* | git@*:*) npm pkg set repository.type=git "repository.url=$source" ;;
  *) echo "release: warning: no public repository URL (set RELEASE_SOURCE); the package has no repository field" >&2; source= ;;
esac

step "npm pack (builds dist/)"
tarball=$(npm pack --silent --pack-destination "$work" | tail -n 1)
documented=$(node dist/src/cli.js openapi | node -e 'console.log(JSON.parse(require("fs").readFileSync(0)).info.version)')
[ "$documented" = "$version" ] || fail "the OpenAPI document says version $documented, package.json $version (src/http/openapi-info.ts)"
cp "$work/$tarball" "$out/iamport-sandbox-$version.tgz"
artifacts=("iamport-sandbox-$version.tgz")

image="iamport-sandbox:$version"
build_args=(--build-arg "VERSION=$version" --build-arg "SOURCE=$source")
[ -z "${NODE_IMAGE:-}" ] || build_args+=(--build-arg "NODE_IMAGE=$NODE_IMAGE")
# The clone's node_modules (a link, or installed for npm pack) stays out of the build context (.dockerignore).
if [ "${RELEASE_NO_IMAGE:-}" = 1 ]; then
  step "image skipped (RELEASE_NO_IMAGE=1)"
elif command -v buildah >/dev/null; then
  step "image $image (buildah)"
  buildah bud --format docker "${build_args[@]}" -t "$image" .
  buildah push "$image" "docker-archive:$out/iamport-sandbox-$version.image.tar:$image"
  artifacts+=("iamport-sandbox-$version.image.tar")
elif command -v podman >/dev/null; then
  step "image $image (podman)"
  podman build --format docker "${build_args[@]}" -t "$image" .
  podman save --format docker-archive -o "$out/iamport-sandbox-$version.image.tar" "$image"
  artifacts+=("iamport-sandbox-$version.image.tar")
else
  step "image skipped: neither buildah nor podman is installed"
fi

cd "$out"
sha256sum "${artifacts[@]}" >SHA256SUMS
step "release $version of $commit in $out"
cat SHA256SUMS
