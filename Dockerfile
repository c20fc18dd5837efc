# Builds and runs the decision service. The policy is read from /rules, which docker-compose.yml
# mounts read-only from ./rules, so editors change the policy without rebuilding the image.
# Base images are pinned to exact releases; pin them by digest too where your registry policy asks
# (docker buildx imagetools inspect eclipse-temurin:17.0.15_6-jre-jammy).
FROM eclipse-temurin:17.0.15_6-jdk-jammy AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline
COPY src src
COPY rules rules
RUN ./mvnw -B -q package -DskipTests

FROM eclipse-temurin:17.0.15_6-jre-jammy
RUN useradd --system --uid 1001 --home-dir /app severity
WORKDIR /app
COPY --from=build --chown=severity /src/target/quarkus-app/ /app/
COPY --chown=severity rules /rules
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
ENTRYPOINT ["sh", "-c", "exec java -XX:+ExitOnOutOfMemoryError $JAVA_OPTS -jar /app/quarkus-run.jar"]
