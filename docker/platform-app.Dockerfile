# syntax=docker/dockerfile:1
# The document-processing service. Build from the repository root:
#   docker build -f docker/platform-app.Dockerfile -t ghcr.io/aviary-dev/platform-app:1.0.0 .

FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY test-support/pom.xml test-support/
COPY platform-app/pom.xml platform-app/
COPY sandbox/pom.xml sandbox/
COPY console/pom.xml console/
COPY manifest-checks/pom.xml manifest-checks/
RUN --mount=type=cache,target=/root/.m2 ./mvnw -q -B -pl platform-app -am dependency:go-offline
COPY test-support/src test-support/src
COPY platform-app/src platform-app/src
RUN --mount=type=cache,target=/root/.m2 ./mvnw -q -B -pl platform-app -am package -DskipTests \
 && java -Djarmode=tools -jar platform-app/target/platform-app-*.jar extract --layers --launcher \
      --destination /app

FROM eclipse-temurin:25-jre
ARG VERSION=1.0.0
LABEL org.opencontainers.image.title="platform-app" \
      org.opencontainers.image.description="Document-processing service deployed and judged by Aviary" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.source="https://github.com/aviary-dev/aviary" \
      org.opencontainers.image.licenses="Apache-2.0"
RUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --no-create-home app
WORKDIR /app
# Dependencies change least often: separate layers keep rebuilds and pulls small.
COPY --from=build /app/dependencies/ ./
COPY --from=build /app/spring-boot-loader/ ./
COPY --from=build /app/snapshot-dependencies/ ./
COPY --from=build /app/application/ ./
COPY docker/healthcheck.sh /usr/local/bin/healthcheck
USER 10001:10001
ENV APP_VERSION=v1 METRICS_PORT=9090 JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=70 -XX:+ExitOnOutOfMemoryError"
EXPOSE 8080 9090
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 CMD ["healthcheck", "8080", "/health/live"]
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
