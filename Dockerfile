# Builds and runs the decision service. The policy is read from /rules, which docker-compose.yml
# mounts from ./rules, so editors change the policy without rebuilding the image.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline
COPY src src
COPY rules rules
RUN ./mvnw -B -q package -DskipTests

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 1001 --home-dir /app severity
WORKDIR /app
COPY --from=build --chown=severity /src/target/quarkus-app/ /app/
COPY --chown=severity rules /rules
RUN mkdir -p /app/data && chown severity /app/data
USER severity
ENV SEVERITY_RULES_DIR=/rules \
    JAVA_OPTS="-XX:MaxRAMPercentage=75"
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/localhost/8080 && printf 'GET /q/health/ready HTTP/1.0\\r\\n\\r\\n' >&3 && grep -q ' 200 ' <&3"]
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/quarkus-run.jar"]
