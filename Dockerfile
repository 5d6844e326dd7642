# syntax=docker/dockerfile:1
#
# iamport-sandbox container image.
#
#   docker build -t iamport-sandbox .
#   docker run --rm -p 8080:8080 iamport-sandbox
# A release image (scripts/release.sh) is built with its version and source:
#   docker build --build-arg VERSION=0.1.0 --build-arg SOURCE=<repository URL> -t iamport-sandbox:0.1.0 .
#
# Bound to 0.0.0.0, the control API (/sandbox/reset, /sandbox/state, …) is
# served only with a key, sent by callers as X-Sandbox-Control-Key; without
# one it is off (the vendor API, the window and the health check stay):
#   docker run --rm -p 8080:8080 -e IAMPORT_SANDBOX_CONTROL_KEY=<a secret> iamport-sandbox
# Other containers reaching it by service name add that name:
#   -e IAMPORT_SANDBOX_ALLOWED_HOSTS=sandbox
# For clients fixed to https://api.iamport.kr, HTTPS on 8443 with a local CA, made
# at first start in /data/tls (keep /data in a volume so the CA stays the same):
#   docker run --rm -p 443:8443 -e IAMPORT_SANDBOX_HTTPS_PORT=8443 -v sandbox-data:/data iamport-sandbox
#   docker run --rm -v sandbox-data:/data iamport-sandbox node dist/src/cli.js ca > iamport-sandbox-ca.pem
#
# NODE_IMAGE selects the base image of every stage. The default is the public
# Node image; scripts/container-check.sh passes a locally assembled image
# (Debian rootfs + the machine's own Node) on machines that cannot pull from a
# container registry.
#
# npm settings for the build (registry, CA bundle, auth) can be handed in as
# build secrets, so they never end up in a layer:
#   --secret id=npmrc,src=<an npmrc file>    used as npm's user config
#   --secret id=npm_ca,src=<a CA bundle>     for an npmrc that says
#                                            cafile=/run/secrets/npm_ca
# Both are optional: without them npm uses its defaults (the public registry).

ARG NODE_IMAGE=node:22-bookworm-slim

# ---------------------------------------------------------------------------
# build: all dependencies (dev included) and the TypeScript compile.
FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false
# Manifests first, so the dependency layer is reused while only sources change. --ignore-scripts: the
# package's "prepare" builds, and the sources are not there yet (they are built below).
COPY package.json package-lock.json ./
# NPM_CONFIG_USERCONFIG points at the optional secret; npm ignores a missing
# user config file. The npm cache is a cache mount: content-addressed and
# integrity-checked, so sharing it between builds is safe, and it is never
# part of the image.
RUN --mount=type=secret,id=npmrc \
    --mount=type=secret,id=npm_ca \
    --mount=type=cache,target=/root/.npm \
    NPM_CONFIG_USERCONFIG=/run/secrets/npmrc npm ci --ignore-scripts
COPY . .
RUN npm run build
# Bakes V8's code cache for the bundled CLI into dist/.v8-cache (see src/cli.ts) as a first start leaves it (one
# getToken answered), so the container's first start and first answer are as fast as later ones. Same Node image
# as the runtime stage.
RUN node scripts/bake-code-cache.mjs >/dev/null

# ---------------------------------------------------------------------------
# deps: production dependencies only. Its own stage, so it depends on the
# lockfile alone (cached across source changes) and can run beside "build".
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
ENV NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false
COPY package.json package-lock.json ./
RUN --mount=type=secret,id=npmrc \
    --mount=type=secret,id=npm_ca \
    --mount=type=cache,target=/root/.npm \
    NPM_CONFIG_USERCONFIG=/run/secrets/npmrc npm ci --omit=dev --ignore-scripts

# ---------------------------------------------------------------------------
# runtime: node + production deps + compiled code + data files, nothing else.
FROM ${NODE_IMAGE} AS runtime
# What the image is (OCI annotations, read by `docker inspect` and registries). scripts/release.sh passes the
# package's version and, when it knows one, the repository URL; a plain `docker build` labels the image "dev".
ARG VERSION=dev
ARG SOURCE=
LABEL org.opencontainers.image.title="iamport-sandbox" \
      org.opencontainers.image.description="Local sandbox of the PortOne V1 payment API (Settle / Hecto Financial)" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.source="${SOURCE}" \
      org.opencontainers.image.licenses="MIT"
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8080 \
    IAMPORT_SANDBOX_TLS_DIR=/data/tls
WORKDIR /app
# Application files stay owned by root: the server only reads them.
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json LICENSE ./
COPY fixtures ./fixtures
# A writable place for IAMPORT_SANDBOX_DATA (unset = in-memory), e.g.
#   docker run -e IAMPORT_SANDBOX_DATA=/data/db.json -v sandbox-data:/data ...
RUN mkdir -p /data && chown node:node /data
# "node" (uid 1000) is the unprivileged user that the official Node images
# ship; the locally assembled base image creates the same user.
USER node
# 8080 alone: the HTTPS listener is off unless IAMPORT_SANDBOX_HTTPS_PORT turns it on (publish that port then). An
# exposed port that nothing binds keeps testcontainers on Podman waiting for a binding that never comes.
EXPOSE 8080
# Slim images have no curl/wget: probe with Node's global fetch instead.
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
    CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/sandbox/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "dist/src/cli.js"]
