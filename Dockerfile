# Builds and runs the decision service. The policy is read from /rules, which docker-compose.yml
# mounts read-only from ./rules, so editors change the policy without rebuilding the image.
# Base images are pinned to exact releases; pin them by digest too where your registry policy asks
# (docker buildx imagetools inspect eclipse-temurin:17.0.15_6-jre-jammy).
FROM node:20.20.2-bookworm-slim AS node

FROM eclipse-temurin:17.0.15_6-jdk-jammy AS build
# The build runs npm ci and node (20.11 or later) for the browser editor's DMN editor bundle
# (pom.xml, editor/): both from the official Node image.
COPY --from=node /usr/local/bin/node /usr/local/bin/node
COPY --from=node /usr/local/lib/node_modules/npm /usr/local/lib/node_modules/npm
RUN ln -s /usr/local/lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline
COPY editor/package.json editor/package-lock.json editor/bundle.mjs editor/
COPY src src
COPY rules rules
RUN ./mvnw -B -q package -DskipTests

FROM eclipse-temurin:17.0.15_6-jre-jammy
RUN useradd --system --uid 1001 --home-dir /app severity
WORKDIR /app
COPY --from=build --chown=severity /src/target/quarkus-app/ /app/
COPY --chown=severity rules /rules
# The JVM options the service runs with (README, "Memory"): the heap is given back when idle.
COPY deploy/jvm.options /app/jvm.options
RUN mkdir -p /app/data /app/audit-keys /app/audit-heads \
    && chown severity /app/data /app/audit-keys /app/audit-heads && chmod 700 /app/audit-keys
# The embedded H2 audit store (used without the postgresql profile) and retention archives live in
# /app/data; the audit signing key (made at the first start unless SEVERITY_AUDIT_SIGNING_KEY or a
# mounted SEVERITY_AUDIT_SIGNING_KEY_FILE is given) and the exported signed heads beside it, outside
# the data folder (README, "Signed heads").
VOLUME ["/app/data", "/app/audit-keys", "/app/audit-heads"]
USER severity
ENV SEVERITY_RULES_DIR=/rules \
    SEVERITY_AUDIT_DATA_DIR=/app/data \
    JAVA_OPTS="-XX:MaxRAMPercentage=75"
# The launch line, not JAVA_OPTS, carries -XX:+ExitOnOutOfMemoryError, so that replacing JAVA_OPTS
# (docker-compose.yml does) cannot drop it: after an OutOfMemoryError the process exits and is
# restarted instead of staying up and answering nothing.
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/localhost/8080 && printf 'GET /q/health/ready HTTP/1.0\\r\\n\\r\\n' >&3 && grep -q ' 200 ' <&3"]
ENTRYPOINT ["sh", "-c", "exec java -XX:+ExitOnOutOfMemoryError @/app/jvm.options $JAVA_OPTS -jar /app/quarkus-run.jar"]
