# Palabre image: a build stage compiles better-sqlite3 and bundles the app; the runtime stage
# keeps only production dependencies, the bundle, templates and static files. Same base for
# both stages so the compiled module matches the runtime's libc and Node ABI.
FROM node:24-bookworm-slim AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
# node-gyp (better-sqlite3) downloads Node's headers from nodejs.org unless told where they are:
# the official image ships them in /usr/local/include/node, so builds work offline. An image
# without them gets them from the npm registry, which `npm ci` needs anyway.
ENV npm_config_nodedir=/usr/local
RUN test -f /usr/local/include/node/node.h || ( cd /tmp \
 && npm pack --silent "node-linux-$(node -p process.arch)@$(node -p process.versions.node)" \
 && tar -xzf node-linux-*.tgz && cp -r package/include /usr/local/ && rm -rf package node-linux-*.tgz )
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:24-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 DATA_DIR=/data
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/views ./views
COPY --from=build /app/static ./static
# The volume's mount point must belong to the unprivileged user before VOLUME declares it.
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME /data
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:3000/healthz').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
# The live heap is ~30 MB; left to itself, V8 lets garbage reach 200+ MB of RSS under load. A
# small young generation and an old generation capped at 3x the live heap keep a small machine
# under 150 MB (npm run bench), where --optimize-for-size cost 30-40% of a page's throughput.
CMD ["node", "--max-semi-space-size=4", "--max-old-space-size=96", "dist/main.js", "serve"]
