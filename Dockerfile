# syntax=docker/dockerfile:1
# Tafel in a container: the install, build and start commands of `npm start` and the tests,
# run by an unprivileged user. Not exercised by CI (README "Running in production").

# Build: all dependencies, the SvelteKit build (which also compiles src/lib/paraglide), then
# only what the server needs at run time.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

# Run: server/index.ts through tsx serves the build and imports src/lib/server itself.
FROM node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 DATA_DIR=/data
WORKDIR /app
# Owned by root, so the process cannot change its own code.
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/build ./build
COPY --from=build /app/server ./server
COPY --from=build /app/src ./src
COPY --from=build /app/drizzle ./drizzle
# The embedded database's folder (PGlite); unused when DATABASE_URL is set.
RUN mkdir -p /data && chown node:node /data
VOLUME /data
USER node
EXPOSE 3000
# Ready, not merely alive: database reachable, migrations applied, Redis answering when configured.
HEALTHCHECK --interval=10s --timeout=3s --start-period=90s \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.PORT + '/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# SIGTERM (docker stop) drains: writes are flushed and clients told to reconnect (1012).
CMD ["node", "--import", "tsx", "server/index.ts"]
