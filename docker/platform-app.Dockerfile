# syntax=docker/dockerfile:1
# The document-processing service. Build from the repository root:
#   docker build -f docker/platform-app.Dockerfile --build-arg REVISION=$(git rev-parse HEAD) \
#     -t ghcr.io/aviary-dev/platform-app:1.0.0 .

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
RUN --mount=type=cache,target=/root/.m2 ./mvnw -q -B -pl platform-app -am dependency:go-offline
COPY test-support/src test-support/src
COPY platform-app/src platform-app/src
# A plain application jar beside its libraries: the JVM's AOT cache covers only classes loaded from jars by its own
# class loaders, not by Spring Boot's launcher. The SBOM (CycloneDX, made by the build) is kept as a file too.
RUN --mount=type=cache,target=/root/.m2 ./mvnw -q -B -pl platform-app -am package -DskipTests \
 && java -Djarmode=tools -jar platform-app/target/platform-app-*[0-9T].jar extract --layers \
      --application-filename application.jar --destination /app \
 && mkdir -p /app/sbom && cp platform-app/target/classes/META-INF/sbom/application.cdx.json /app/sbom/

FROM eclipse-temurin:25-jre
ARG VERSION=1.0.0
ARG REVISION=unknown
LABEL org.opencontainers.image.title="platform-app" \
      org.opencontainers.image.description="Document-processing service deployed and judged by Aviary" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.source="https://github.com/aviary-dev/aviary" \
      org.opencontainers.image.licenses="Apache-2.0" \
      dev.aviary.sbom="/app/sbom/application.cdx.json"
RUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --no-create-home app
WORKDIR /app
# Dependencies change least often: separate layers keep rebuilds and pulls small.
COPY --from=build /app/dependencies/ ./
COPY --from=build /app/spring-boot-loader/ ./
COPY --from=build /app/snapshot-dependencies/ ./
COPY --from=build /app/application/ ./
COPY --from=build /app/sbom/ ./sbom/
COPY docker/healthcheck.sh /usr/local/bin/healthcheck
ENV APP_VERSION=v1 METRICS_PORT=9090 JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=70 -XX:+ExitOnOutOfMemoryError"
# The JVM's ahead-of-time cache (JDK 25): a training run starts the service and stops it once it is ready,
# recording the classes it loaded and linked on the way, so a container starts with them ready.
COPY docker/train-aot-cache.sh /usr/local/bin/train-aot-cache
RUN train-aot-cache /app/application.aot 8080 /health/ready application.jar
USER 10001:10001
EXPOSE 8080 9090
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 CMD ["healthcheck", "8080", "/health/live"]
ENTRYPOINT ["java", "-XX:AOTCache=/app/application.aot", "-jar", "/app/application.jar"]
