package dev.aviary.console.oncall;

import dev.aviary.console.ConsoleApi;
import dev.aviary.testsupport.git.GitCli;
import dev.aviary.console.gitops.ChangePipeline;
import dev.aviary.console.notifications.WebhookBody;
import dev.aviary.console.notifications.WebhookReceiver;
import dev.aviary.console.sandbox.SandboxEnvironment;
import dev.aviary.sandbox.signin.SandboxIdentityProvider;
import dev.aviary.testsupport.Ports;
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

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Notices about the platform rather than one service, told when a state has lasted past its threshold: a Prometheus
 * that is not there (signals unavailable), and a change the cluster keeps refusing (committed, not applied).
 */
// Its context is built on this class's temporary directory: closed after the class, not kept running against a
// deleted directory until the JVM ends (its watches logged errors for the rest of the build).
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "aviary.sandbox.ready-delay=100ms", "aviary.prometheus.refresh=300ms", "aviary.prometheus.timeout=500ms",
    "aviary.git.reapply-interval=1s", "aviary.notifications.signals-unavailable-after=2s",
    "aviary.notifications.not-applied-after=2s", "aviary.notifications.destinations.oncall.kind=webhook",
    "aviary.notifications.subscriptions[0].events=signals-unavailable,change-not-applied",
    "aviary.notifications.subscriptions[0].destinations=oncall"})
class PlatformNoticesTest {

  static final WebhookReceiver RECEIVER = WebhookReceiver.answering(200);
  static final String AUTOSCALER = "base/document-processor/horizontal-pod-autoscaler-v1.yaml";
  @TempDir
  static Path data;
  @LocalServerPort
  int port;
  @Autowired
  SandboxEnvironment sandbox;
  @Autowired
  SandboxIdentityProvider provider;
  @Autowired
  ChangePipeline pipeline;
  final ObjectMapper json = new ObjectMapper();

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    registry.add("aviary.data-dir", () -> data.toString());
    registry.add("aviary.prometheus.url", () -> "http://127.0.0.1:" + Ports.NOTHING_LISTENS);
    registry.add("aviary.notifications.destinations.oncall.url", () -> RECEIVER.url("/oncall").toString());
  }

  @AfterAll
  static void stopReceiver() {
    RECEIVER.close();
  }

  @Test
  void prometheus_unreachable_for_longer_than_the_threshold_is_told_once_with_where_and_why() {
    await().atMost(Duration.ofSeconds(60)).until(() -> !told("signals-unavailable").isEmpty());

    JsonNode notice = told("signals-unavailable").getFirst();
    assertThat(notice.path("title").asString()).startsWith("Golden signals unavailable since ");
    String prometheus = "Prometheus at http://127.0.0.1:" + Ports.NOTHING_LISTENS;
    assertThat(notice.path("text").asString()).isEqualTo("Aviary cannot read request rates, errors and latency from "
        + prometheus + ": request rate, error ratio, p99 latency: cannot connect to " + prometheus + ". Canary "
        + "analyses cannot judge and pause releases meanwhile.");
    await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(5))
        .until(() -> told("signals-unavailable").size() == 1);
  }

  @Test
  void a_change_the_cluster_keeps_refusing_is_told_with_its_files_and_taken_once_git_is_fixed(
      @TempDir Path first, @TempDir Path second) throws Exception {
    Path remote = Path.of(URI.create(sandbox.gitUrl()));
    GitCli.pushFromOutside(remote, first, "document-processor: an owner label", copy -> edit(copy,
        "    version: v1\n", "    version: v1\n    owner: not valid!\n"));
    HttpResponse<String> scaled = new ConsoleApi(port, provider).send("operator", "POST",
        "/api/v1/services/document-processor/versions/v1/scale", "{\"replicas\": 3, \"reason\": \"more room\"}");
    assertThat(scaled.statusCode()).as(scaled.body()).isEqualTo(202);

    await().atMost(Duration.ofSeconds(30)).until(() -> !told("change-not-applied").isEmpty());
    JsonNode notice = told("change-not-applied").getFirst();
    assertThat(notice.path("title").asString()).startsWith("A change committed to Git is not applied since ");
    assertThat(notice.path("figures").toString()).isEqualTo("[\"" + AUTOSCALER + "\"]");
    assertThat(notice.path("link").asString()).isEmpty();

    GitCli.pushFromOutside(remote, second, "document-processor: a valid owner label", copy -> edit(copy,
        "owner: not valid!", "owner: docs-team"));
    await().atMost(Duration.ofSeconds(30)).until(() -> pipeline.unappliedFiles().isEmpty());
  }

  private static void edit(Path copy, String from, String to) throws IOException {
    Path file = copy.resolve(AUTOSCALER);
    Files.writeString(file, Files.readString(file).replace(from, to));
  }

  private List<JsonNode> told(String event) {
    return RECEIVER.received().stream().filter(r -> event.equals(r.header(WebhookBody.EVENT_HEADER)))
        .map(r -> json.readTree(r.text())).toList();
  }
}
