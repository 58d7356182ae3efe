# syntax=docker/dockerfile:1
# The Aviary console, frontend bundle included. Build from the repository root:
#   docker build -f docker/console.Dockerfile -t ghcr.io/aviary-dev/console:0.1.0 .

FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY test-support/pom.xml test-support/
COPY platform-app/pom.xml platform-app/
COPY sandbox/pom.xml sandbox/
COPY console/pom.xml console/
COPY manifest-checks/pom.xml manifest-checks/
RUN --mount=type=cache,target=/root/.m2 ./mvnw -q -B -pl console -am dependency:go-offline
# -DskipTests still compiles the tests: the console's need test-support and platform-app's test jar.
COPY test-support/src test-support/src
COPY platform-app/src platform-app/src
# The sandbox bundles manifests/ (a fresh sandbox's Git remote starts from them); the console serves frontend/.
COPY sandbox/src sandbox/src
COPY manifests manifests
COPY frontend frontend
COPY console/src console/src
# The production profile runs Vaadin's build-frontend (Vaadin fetches Node.js itself if the bundle needs it).
RUN --mount=type=cache,target=/root/.m2 --mount=type=cache,target=/root/.vaadin \
    ./mvnw -q -B -Pproduction -pl console -am package -DskipTests \
 && java -Djarmode=tools -jar console/target/aviary-console-*.jar extract --layers --launcher --destination /app

FROM eclipse-temurin:25-jre
ARG VERSION=0.1.0
LABEL org.opencontainers.image.title="aviary-console" \
      org.opencontainers.image.description="Aviary: GitOps operations console for the document-processing platform" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.source="https://github.com/aviary-dev/aviary" \
      org.opencontainers.image.licenses="Apache-2.0"
RUN groupadd --system --gid 10001 aviary && useradd --system --uid 10001 --gid aviary --no-create-home aviary \
 && mkdir -p /var/lib/aviary && chown 10001:10001 /var/lib/aviary
WORKDIR /app
COPY --from=build /app/dependencies/ ./
COPY --from=build /app/spring-boot-loader/ ./
COPY --from=build /app/snapshot-dependencies/ ./
COPY --from=build /app/application/ ./
COPY docker/healthcheck.sh /usr/local/bin/healthcheck
USER 10001:10001
# Without a cluster configured the console runs its sandbox, whose state lives in the data directory.
ENV AVIARY_DATA_DIR=/var/lib/aviary MANAGEMENT_SERVER_PORT=8081 \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=70 -XX:+ExitOnOutOfMemoryError"
VOLUME /var/lib/aviary
EXPOSE 8080 8081
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["healthcheck", "8081", "/actuator/health/readiness"]
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
