# syntax=docker/dockerfile:1
# The Aviary console, frontend bundle included. Build from the repository root:
#   docker build -f docker/console.Dockerfile --build-arg REVISION=$(git rev-parse HEAD) \
#     -t ghcr.io/aviary-dev/console:0.1.0 .

FROM eclipse-temurin:25-jdk AS build
# Extra arguments for every Maven run (Maven reads MAVEN_ARGS itself): a mirror's settings file, or a second,
# read-only local repository (-Dmaven.repo.local.tail=DIR, what the image tests pass).
ARG MAVEN_ARGS=""
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY test-support/pom.xml test-support/
COPY platform-app/pom.xml platform-app/
COPY sandbox/pom.xml sandbox/
COPY console/pom.xml console/
COPY manifest-checks/pom.xml manifest-checks/
COPY install-checks/pom.xml install-checks/
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
# A plain application jar beside its libraries: the JVM's AOT cache covers only classes loaded from jars by its own
# class loaders, not by Spring Boot's launcher. The SBOM (CycloneDX, made by the build) is kept as a file too.
RUN --mount=type=cache,target=/root/.m2 --mount=type=cache,target=/root/.vaadin \
    ./mvnw -q -B -Pproduction -pl console -am package -DskipTests \
 && java -Djarmode=tools -jar console/target/aviary-console-*[0-9T].jar extract --layers \
      --application-filename application.jar --destination /app \
 && mkdir -p /app/sbom && cp console/target/classes/META-INF/sbom/application.cdx.json /app/sbom/

FROM eclipse-temurin:25-jre
ARG VERSION=0.1.0
ARG REVISION=unknown
LABEL org.opencontainers.image.title="aviary-console" \
      org.opencontainers.image.description="Aviary: GitOps operations console for the document-processing platform" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.source="https://github.com/aviary-dev/aviary" \
      org.opencontainers.image.licenses="Apache-2.0" \
      dev.aviary.sbom="/app/sbom/application.cdx.json"
RUN groupadd --system --gid 10001 aviary && useradd --system --uid 10001 --gid aviary --no-create-home aviary \
 && mkdir -p /var/lib/aviary && chown 10001:10001 /var/lib/aviary
WORKDIR /app
COPY --from=build /app/dependencies/ ./
COPY --from=build /app/spring-boot-loader/ ./
COPY --from=build /app/snapshot-dependencies/ ./
COPY --from=build /app/application/ ./
COPY --from=build /app/sbom/ ./sbom/
COPY docker/healthcheck.sh /usr/local/bin/healthcheck
# Without a cluster configured the console runs its sandbox, whose state lives in the data directory. Its sign-in
# provider listens on every address at 8090, to be published under that number as 8080 is (the browser is sent to
# 127.0.0.1:8090). The user has no home: JGit keeps its own small cache of file-system facts under /tmp instead.
ENV AVIARY_DATA_DIR=/var/lib/aviary MANAGEMENT_SERVER_PORT=8081 \
    AVIARY_SANDBOX_SIGN_IN_ADDRESS=0.0.0.0 AVIARY_SANDBOX_SIGN_IN_PORT=8090 \
    XDG_CONFIG_HOME=/tmp/.config \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=70 -XX:+ExitOnOutOfMemoryError"
# The JVM's ahead-of-time cache (JDK 25): a training run starts the console on a throw-away sandbox and stops it once
# it is ready, recording the classes it loaded and linked on the way, so a container starts with them ready.
COPY docker/train-aot-cache.sh /usr/local/bin/train-aot-cache
RUN training="$(mktemp -d)" \
 && AVIARY_DATA_DIR="$training" AVIARY_SANDBOX_SIGN_IN_PORT=0 XDG_CONFIG_HOME="$training" \
    train-aot-cache /app/application.aot 8081 /actuator/health/readiness application.jar \
 && rm -rf "$training"
USER 10001:10001
VOLUME /var/lib/aviary
EXPOSE 8080 8081 8090
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["healthcheck", "8081", "/actuator/health/readiness"]
ENTRYPOINT ["java", "-XX:AOTCache=/app/application.aot", "-jar", "/app/application.jar"]
