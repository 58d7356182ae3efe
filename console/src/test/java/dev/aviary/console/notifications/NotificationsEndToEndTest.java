package dev.aviary.console.notifications;

import dev.aviary.testsupport.git.GitCli;
import dev.aviary.console.ConsoleApi;
import dev.aviary.console.health.HealthStatus;
import dev.aviary.console.health.OverviewService;
import dev.aviary.console.health.SyncState;
import dev.aviary.console.coordination.Leadership;
import dev.aviary.console.sandbox.SandboxEnvironment;
import dev.aviary.sandbox.signin.SandboxIdentityProvider;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The on-call loop in the sandbox, told to a real HTTP receiver: a release started through the API by a script,
 * judged faulty and rolled back by itself (signed, with the figures, within 2 seconds); a faulty image set by hand
 * with kubectl's rights (the service Degraded and OutOfSync), then Sync (recovered).
 */
// Its context is built on this class's temporary directory: closed after the class, not kept running against a
// deleted directory until the JVM ends (its watches logged errors for the rest of the build).
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "aviary.sandbox.ready-delay=100ms", "aviary.releases.tick=200ms", "aviary.releases.plan.steps=20,50,100",
    "aviary.releases.plan.step-duration=1s", "aviary.releases.plan.min-requests=1",
    "aviary.releases.plan.warm-window=1s", "aviary.releases.plan.ready-timeout=30s",
    "aviary.notifications.console-url=http://aviary.test",
    "aviary.notifications.destinations.oncall.kind=webhook",
    "aviary.notifications.destinations.oncall.signing-key=end-to-end-key",
    "aviary.notifications.subscriptions[0].events=release-*",
    "aviary.notifications.subscriptions[0].destinations=oncall",
    "aviary.notifications.subscriptions[1].events=service-*",
    "aviary.notifications.subscriptions[1].services=document-processor",
    "aviary.notifications.subscriptions[1].destinations=oncall",
    "aviary.notifications.destinations.team.kind=webhook", "aviary.git.poll-interval=1s",
    "aviary.notifications.health-hold=1s", "aviary.health.sync-check=2s", "aviary.prometheus.refresh=300ms"})
class NotificationsEndToEndTest {

  static final WebhookReceiver RECEIVER = WebhookReceiver.answering(200);
  @TempDir
  static Path data;
  @LocalServerPort
  int port;
  @Autowired
  SandboxEnvironment sandbox;
  @Autowired
  SandboxIdentityProvider provider;
  @Autowired
  Leadership leadership;
  @Autowired
  OverviewService overviews;
  @Autowired
  NotificationService notifications;
  final HttpClient http = HttpClient.newHttpClient();
  final ObjectMapper json = new ObjectMapper();

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    registry.add("aviary.data-dir", () -> data.toString());
    registry.add("aviary.notifications.destinations.oncall.url", () -> RECEIVER.url("/aviary").toString());
    registry.add("aviary.notifications.destinations.team.url", () -> RECEIVER.url("/team").toString());
  }

  @AfterAll
  static void stopReceiver() {
    RECEIVER.close();
  }

  @Test
  void a_faulty_release_started_by_a_script_is_rolled_back_and_the_receiver_told_within_two_seconds()
      throws Exception {
    HttpResponse<String> started = send("admin", "POST", "/api/v1/releases",
        "{\"service\": \"webapi\", \"tag\": \"1.2.0-faulty\"}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
    String release = json.readTree(started.body()).path("release").asString();

    await().atMost(Duration.ofSeconds(60)).until(() -> RECEIVER.received().stream()
        .anyMatch(r -> "release-rolled-back".equals(r.header(WebhookBody.EVENT_HEADER))));
    WebhookReceiver.Received told = RECEIVER.received().stream()
        .filter(r -> "release-rolled-back".equals(r.header(WebhookBody.EVENT_HEADER))).findFirst().orElseThrow();
    Instant receivedAt = Instant.now();
    assertThat(told.header(WebhookBody.SIGNATURE_HEADER))
        .isEqualTo(WebhookBody.signature("end-to-end-key", told.body()));
    JsonNode body = json.readTree(told.text());
    assertThat(body.path("release").asString()).isEqualTo(release);
    assertThat(body.path("actor").asString()).isEqualTo("release controller");
    assertThat(body.path("text").asString()).contains("failed analysis at 20%: error ratio");
    assertThat(body.path("figures").toString()).contains("Analysis at 20%: FAILED", "<- broken", "rollback commit ");
    assertThat(body.path("link").asString()).isEqualTo("http://aviary.test/releases");
    assertThat(Duration.between(Instant.parse(body.path("at").asString()), receivedAt))
        .as("from the rollback step to the receiver").isLessThan(Duration.ofSeconds(2));
    String rollbackCommit = GitCli.run(Path.of(URI.create(sandbox.gitUrl())), "log", "-1", "--format=%H", "--",
        "base/webapi");
    assertThat(body.path("figures").toString()).contains("rollback commit " + rollbackCommit);
    assertThat(RECEIVER.received()).filteredOn(r -> r.path().equals("/aviary"))
        .filteredOn(r -> release.equals(json.readTree(r.text()).path("release").asString())).extracting(r -> r.header(WebhookBody.EVENT_HEADER))
        .containsExactly("release-started", "release-rolled-back");

    String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
        + "/actuator/prometheus")).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    assertThat(metrics).contains("aviary_notifications_total{destination=\"oncall\",event=\"release-rolled-back\","
        + "outcome=\"delivered\"} 1.0");
  }

  @Test
  void a_faulty_image_set_outside_aviary_is_told_as_degraded_and_out_of_sync_and_sync_is_told_as_recovered()
      throws Exception {
    // What a service is when the leader's watch first sees it counts as told: let it see document-processor well.
    await().atMost(Duration.ofSeconds(30)).until(() -> leadership.leading() && fine("document-processor"));
    await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> leadership.leading()
        && fine("document-processor"));
    try (KubernetesClient kubectl = new KubernetesClientBuilder().withConfig(sandbox.clientConfig()).build()) {
      kubectl.apps().deployments().withName("document-processor-v1").edit(d -> {
        d.getSpec().getTemplate().getSpec().getContainers().getFirst()
            .setImage("ghcr.io/aviary-dev/platform-app:1.1.0-faulty");
        return d;
      });
    }

    await().atMost(Duration.ofSeconds(60)).alias("told about document-processor")
        .untilAsserted(() -> assertThat(told("document-processor")).contains("service-degraded",
            "service-out-of-sync"));
    JsonNode degraded = json.readTree(RECEIVER.received().stream().filter(r -> "service-degraded".equals(
        r.header(WebhookBody.EVENT_HEADER)) && r.text().contains("document-processor")).findFirst().orElseThrow()
        .text());
    assertThat(degraded.path("title").asString()).isEqualTo("document-processor is Degraded");
    assertThat(degraded.path("text").asString()).matches("v1 fails \\d+\\.\\d% of requests, above the 5\\.0% limit");
    assertThat(degraded.path("link").asString()).isEqualTo("http://aviary.test/services/document-processing/"
        + "document-processor");

    assertThat(send("operator", "POST", "/api/v1/services/document-processor/sync", "").statusCode())
        .isEqualTo(200);
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(told("document-processor"))
        .contains("service-recovered"));
    assertThat(told("document-processor")).as("each told once").doesNotHaveDuplicates();
  }

  @Test
  void a_team_subscribes_its_channel_by_a_commit_and_hears_of_its_services_releases_there(@TempDir Path clone)
      throws Exception {
    GitCli.pushFromOutside(Path.of(URI.create(sandbox.gitUrl())), clone, "webapi: tell the team of its releases",
        copy -> {
          Path service = copy.resolve("base/webapi/service.yaml");
          Files.writeString(service, SubscriptionAnnotationsTest.withAnnotations(Files.readString(service), """
              notifications.aviary.dev/team: "release-started, release-promoted"
                  notifications.aviary.dev/team-chat: "release-*\""""));
        });

    await().atMost(Duration.ofSeconds(30)).until(() -> notifications.subscriptions().stream()
        .anyMatch(r -> r.from().equals("Git: base/webapi/service.yaml")));
    assertThat(notifications.gitProblems()).singleElement().asString()
        .isEqualTo("base/webapi/service.yaml (Service webapi), annotation notifications.aviary.dev/team-chat: no "
            + "destination 'team-chat' is configured under aviary.notifications.destinations");
    // Like any push, it is applied when someone syncs.
    assertThat(send("operator", "POST", "/api/v1/services/webapi/sync", "").statusCode()).isEqualTo(200);
    HttpResponse<String> started = send("admin", "POST", "/api/v1/releases",
        "{\"service\": \"webapi\", \"tag\": \"1.3.0\"}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
    String release = json.readTree(started.body()).path("release").asString();

    await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(toTeam(release))
        .containsExactly("release-started", "release-promoted"));
    assertThat(RECEIVER.received()).filteredOn(r -> r.path().equals("/team"))
        .allSatisfy(r -> assertThat(r.text()).contains("\"service\":\"webapi\""));
  }

  private List<String> toTeam(String release) {
    return RECEIVER.received().stream().filter(r -> r.path().equals("/team")
        && r.text().contains("\"release\":\"" + release + "\"")).map(r -> r.header(WebhookBody.EVENT_HEADER))
        .toList();
  }

  private boolean fine(String service) {
    return overviews.current().services().stream().anyMatch(s -> s.name().equals(service)
        && s.health().status() == HealthStatus.HEALTHY && s.sync().kind() == SyncState.Kind.SYNCED);
  }

  /** The events the receiver got about a service, in order. */
  private List<String> told(String service) {
    return RECEIVER.received().stream().filter(r -> r.text().contains("\"service\":\"" + service + "\""))
        .map(r -> r.header(WebhookBody.EVENT_HEADER)).toList();
  }

  private HttpResponse<String> send(String user, String method, String path, String body) throws Exception {
    return new ConsoleApi(port, provider).send(user, method, path, body);
  }
}
