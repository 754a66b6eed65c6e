# The portal as one image for every process: web servers, the job worker and the migration step
# run the same image with different commands or PROCESS_ROLE (docs/deployment.md, ADR 0043).
#
#   docker build -t ehcp-portal .
#   docker run --rm -e DATABASE_URL=... ehcp-portal npm run db:migrate      # once per release
#   docker run -p 3000:3000 --env-file portal.env ehcp-portal                  # PROCESS_ROLE=all|web|worker

# --- build: every dependency (the build needs the dev tools), then the production build ---
FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NODE_ENV=development
COPY package.json package-lock.json ./
# The postinstall step patches the PostgreSQL driver (scripts/patch-postgres-driver.mjs).
COPY scripts/patch-postgres-driver.mjs scripts/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

# --- run: the build, production dependencies only, as a user who owns nothing but its data ---
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production \
    PORT=3000 \
    UPLOAD_DIR=/var/lib/ehcp/uploads \
    MAIL_DIR=/var/lib/ehcp/mail \
    PGLITE_DATA_DIR=/var/lib/ehcp/pglite
COPY --from=build /app /app
# npm (for `npm run serve`) wants a home for its cache and logs.
RUN groupadd --system ehcp && useradd --system --gid ehcp --create-home --home-dir /home/ehcp --shell /usr/sbin/nologin ehcp \
    && mkdir -p /var/lib/ehcp/uploads /var/lib/ehcp/mail /var/lib/ehcp/pglite && chown -R ehcp:ehcp /var/lib/ehcp && chmod 0700 /var/lib/ehcp/uploads
USER ehcp
EXPOSE 3000
# Mount shared storage here on every web server: uploads are files (docs/deployment.md).
VOLUME ["/var/lib/ehcp/uploads"]
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["npm", "run", "serve"]
