package dev.aviary.platform.stores;

import dev.aviary.platform.Http;
import dev.aviary.platform.PlatformProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * platform-app processes on the machine's PostgreSQL and Redis, configured through the environment as the manifests
 * configure them. Each test has a database of its own and an empty Redis.
 */
class PlatformOnPostgresAndRedisTest {

  static final AtomicInteger DATABASES = new AtomicInteger();
  static PostgresServer postgres;
  static RedisServer redis;

  @TempDir
  Path logs;
  String database;
  final List<PlatformProcess> started = new ArrayList<>();

  @BeforeAll
  static void stores() throws Exception {
    postgres = PostgresServer.start();
    redis = RedisServer.start();
  }

  @AfterAll
  static void stopStores() throws Exception {
    if (redis != null) {
      redis.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @BeforeEach
  void freshStores() throws Exception {
    database = "documents_" + DATABASES.incrementAndGet();
    postgres.createDatabase(database);
    assertThat(redis.answers("FLUSHALL")).isEqualTo("+OK");
  }

  @AfterEach
  void stopInstances() {
    started.forEach(PlatformProcess::close);
  }

  PlatformProcess instance(String name, Map<String, String> more) throws Exception {
    Map<String, String> environment = new HashMap<>(Map.of(
        "SPRING_DATASOURCE_URL", postgres.jdbcUrl(database),
        "SPRING_DATASOURCE_USERNAME", PostgresServer.USER,
        "REDIS_URL", redis.url(),
        "WARMUP", "0s",
        "APP_VERSION", name));
    environment.putAll(more);
    PlatformProcess process = PlatformProcess.start(environment, logs.resolve(name + ".log"));
    started.add(process);
    return process;
  }

  static Http.Response upload(Http http, String text) {
    return http.post("/api/v1/documents", "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
  }

  static JsonNode awaitDone(Http http, String location) {
    await().atMost(Duration.ofSeconds(20)).until(() -> http.get(location).json().path("status").asString(),
        status -> status.equals("DONE") || status.equals("FAILED"));
    return http.get(location).json();
  }

  @Test
  void documents_survive_a_restart_of_the_platform_app() throws Exception {
    PlatformProcess first = instance("first", Map.of());
    Http.Response accepted = upload(first.http(), "Canary analysis compares the canary with the stable version.");
    assertThat(accepted.status()).isEqualTo(202);
    JsonNode done = awaitDone(first.http(), accepted.header("Location"));
    assertThat(done.path("status").asString()).isEqualTo("DONE");
    first.close();

    PlatformProcess second = instance("second", Map.of());
    JsonNode after = second.http().get(accepted.header("Location")).json();
    assertThat(after.path("status").asString()).isEqualTo("DONE");
    assertThat(after.path("analysis")).isEqualTo(done.path("analysis"));
    assertThat(second.http().get("/api/v1/documents").json().path("total").asInt()).isEqualTo(1);
    assertThat(upload(second.http(), "Canary analysis compares the canary with the stable version.").header(
        "X-Duplicate-Of")).as("the same content is known after the restart").isEqualTo(done.path("id").asString());
  }

  @Test
  void two_instances_share_one_queue_and_process_every_document_exactly_once() throws Exception {
    List<PlatformProcess> instances = List.of(instance("a", Map.of("WORKERS", "1")),
        instance("b", Map.of("WORKERS", "1")));
    List<String> locations = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      Http.Response accepted = upload(instances.get(i % 2).http(), "Document number " + i + " about rollouts.");
      assertThat(accepted.status()).isEqualTo(202);
      locations.add(accepted.header("Location"));
    }
    for (String location : locations) {
      assertThat(awaitDone(instances.get(0).http(), location).path("status").asString()).isEqualTo("DONE");
    }
    int byA = processed(instances.get(0));
    int byB = processed(instances.get(1));
    assertThat(byA + byB).as("documents processed by both instances together").isEqualTo(24);
    assertThat(byA).as("processed by a").isPositive();
    assertThat(byB).as("processed by b").isPositive();
    try (Connection c = postgres.connect(database);
         ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM documents WHERE attempts <> 1")) {
      rs.next();
      assertThat(rs.getInt(1)).as("documents taken by a worker more than once").isZero();
    }

    Http.Response again = upload(instances.get(1).http(), "Document number 0 about rollouts.");
    assertThat(again.status()).as("content sent to a first is known to b").isEqualTo(200);
  }

  @Test
  void without_postgresql_an_instance_is_not_ready_answers_uploads_503_and_loses_nothing() throws Exception {
    PlatformProcess instance = instance("p", Map.of());
    Http http = instance.http();
    String kept = upload(http, "Written before the database went away.").header("Location");
    awaitDone(http, kept);

    outage(http, "PostgreSQL", postgres::stop, postgres::resume);

    assertThat(http.get(kept).json().path("status").asString()).isEqualTo("DONE");
    assertThat(metric(instance, "store_operation_errors_total\\{operation=\"add\",store=\"postgresql\",version=\"p\"}"))
        .as("the failed insert is counted").isPositive();
  }

  @Test
  void without_redis_an_instance_is_not_ready_answers_uploads_503_and_loses_nothing() throws Exception {
    PlatformProcess instance = instance("r", Map.of());
    Http http = instance.http();
    String kept = upload(http, "Queued before Redis went away.").header("Location");
    awaitDone(http, kept);

    outage(http, "Redis", redis::stop, redis::resume);

    assertThat(upload(http, "Queued before Redis went away.").status())
        .as("the duplicate check kept its content through the outage").isEqualTo(200);
  }

  @Test
  void a_redis_that_requires_a_password_is_used_with_the_password_from_REDIS_PASSWORD() throws Exception {
    assertThat(redis.answers("CONFIG SET requirepass in-a-secret")).isEqualTo("+OK");
    try {
      Http http = instance("pw", Map.of("REDIS_PASSWORD", "in-a-secret")).http();
      String location = upload(http, "Queued through a Redis that wants a password.").header("Location");
      assertThat(awaitDone(http, location).path("status").asString()).isEqualTo("DONE");
    } finally {
      redis.answers("AUTH in-a-secret\r\nCONFIG SET requirepass \"\"");
    }
    assertThat(redis.answers("PING")).as("the password is off again for the other tests").isEqualTo("+PONG");
  }

  interface Step {
    void run() throws Exception;
  }

  /**
   * Takes {@code store} away and brings it back: meanwhile the instance is not ready but alive, and an upload is
   * refused with 503 and a problem body; afterwards it is ready again, and the refused document is accepted and
   * processed (the workers took work up again).
   */
  static void outage(Http http, String store, Step stop, Step resume) throws Exception {
    String document = "Sent while " + store + " is away.";
    stop.run();
    try {
      await().atMost(Duration.ofSeconds(10)).until(() -> http.get("/health/ready").status() == 503);
      assertThat(http.get("/health/ready").body()).contains(store + " unreachable");
      assertThat(http.get("/health/live").status()).as("an outage of a store must not restart the pod")
          .isEqualTo(200);
      Http.Response refused = upload(http, document);
      assertThat(refused.status()).isEqualTo(503);
      assertThat(refused.contentType()).startsWith("application/problem+json");
      assertThat(refused.json().path("title").asString()).isEqualTo(store + " unavailable");
      assertThat(refused.header("Retry-After")).isEqualTo("5");
    } finally {
      resume.run();
    }
    await().atMost(Duration.ofSeconds(15)).until(() -> http.get("/health/ready").status() == 200);
    Http.Response retried = upload(http, document);
    assertThat(retried.status()).as("the refused document may be sent again").isEqualTo(202);
    assertThat(awaitDone(http, retried.header("Location")).path("status").asString()).isEqualTo("DONE");
  }

  @Test
  void a_document_left_processing_by_a_stopped_instance_is_processed_again() throws Exception {
    PlatformProcess instance = instance("s", Map.of("REQUEUE_AFTER", "2s"));
    String id = "0b9a1f3e-5c7d-4e2a-9f10-1c2d3e4f5a6b";
    try (Connection c = postgres.connect(database);
         PreparedStatement insert = c.prepareStatement("INSERT INTO documents (id, name, type, size_bytes,"
             + " content_hash, status, submitted_at, updated_at, content, attempts) VALUES (?, 'orphan.txt',"
             + " 'PLAIN_TEXT', ?, repeat('a', 64), 'PROCESSING', now() - interval '1 hour',"
             + " now() - interval '1 hour', ?, 1)")) {
      byte[] content = "Taken by an instance that was killed before it finished.".getBytes(StandardCharsets.UTF_8);
      insert.setString(1, id);
      insert.setLong(2, content.length);
      insert.setBytes(3, content);
      insert.executeUpdate();
    }

    JsonNode done = awaitDone(instance.http(), "/api/v1/documents/" + id);
    assertThat(done.path("status").asString()).isEqualTo("DONE");
    assertThat(done.path("analysis").path("wordCount").asInt()).isEqualTo(10);
  }

  static int processed(PlatformProcess instance) {
    return metric(instance, "documents_processed_total\\{type=\"text/plain\",version=\"[a-z]+\"}");
  }

  static int metric(PlatformProcess instance, String series) {
    Matcher m = Pattern.compile("(?m)^" + series + " (\\S+)$").matcher(instance.http().get("/metrics").body());
    return m.find() ? (int) Double.parseDouble(m.group(1)) : 0;
  }
}
