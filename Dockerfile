# syntax=docker/dockerfile:1
# The design-review GitHub App as a container: `docker build -t design-review-bot .`, or
# `docker compose up` with compose.yaml (the App and Redis). The image runs what `npm start`
# runs, in production mode: it needs APP_ID, PRIVATE_KEY (or PRIVATE_KEY_PATH) and
# WEBHOOK_SECRET, and exits at once without them (register the App first: README "Deploy").
# test/deploy/dockerfile.test.ts keeps this file in step with package.json and the server.
ARG NODE_VERSION=20

# Build: every dependency (esbuild is a dev dependency); `npm ci` runs `prepare`, which builds dist/.
FROM node:${NODE_VERSION}-slim AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.json ./
COPY src ./src
RUN npm ci --no-audit --no-fund

# Runtime dependencies only. --ignore-scripts skips `prepare`, whose compiler is not installed
# here (dist/ comes from the build stage); msgpackr-extract's install script only compiles
# when its prebuilt binary is missing, and msgpackr then falls back to JavaScript.
FROM node:${NODE_VERSION}-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund

FROM node:${NODE_VERSION}-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000
WORKDIR /app
# Owned by root and only readable by the App's user: the process cannot rewrite its own code.
COPY package.json package-lock.json app.yml ./
COPY bin ./bin
COPY templates ./templates
COPY checklists ./checklists
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The unprivileged user of the official Node.js images (uid 1000).
USER node
EXPOSE 3000
# The slim image has no curl: Node's fetch asks /healthz (which answers in setup mode too).
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# What `npm start` runs, without npm in between, so SIGTERM reaches the App and it drains its queue.
CMD ["node", "./dist/main.js"]
