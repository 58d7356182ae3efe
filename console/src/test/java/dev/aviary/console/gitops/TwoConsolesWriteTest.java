package dev.aviary.console.gitops;

import dev.aviary.console.ConsoleApi;
import dev.aviary.console.ConsoleCluster;
import dev.aviary.testsupport.git.GitCli;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two whole consoles on one sandbox and one Git remote, as two replicas of an installation, writing at the same
 * time: nothing is lost, Git's history stays one line, and the cluster ends at Git's head, never at an older state.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoConsolesWriteTest {

  ConsoleCluster cluster;
  ConsoleApi a;
  ConsoleApi b;
  final ObjectMapper json = new ObjectMapper();

  /** The cluster both consoles run on: here the sandbox's API server. */
  ConsoleCluster cluster(Path directory) throws IOException {
    return ConsoleCluster.sandbox(directory);
  }

  @BeforeAll
  void startTwoConsoles(@TempDir Path dir) throws IOException {
    cluster = cluster(dir);
    a = api(cluster.console("console-a", dir.resolve("console-a"), settings("console-a")));
    b = api(cluster.console("console-b", dir.resolve("console-b"), settings("console-b")));
  }

  @AfterAll
  void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void twenty_five_changes_through_each_console_at_once_make_fifty_commits_in_one_line_and_the_cluster_equals_git()
      throws Exception {
    String before = git("rev-parse", "main");

    CompletableFuture<List<Integer>> throughA = CompletableFuture.supplyAsync(() -> scale(a, "webapi", 3, 27));
    CompletableFuture<List<Integer>> throughB = CompletableFuture.supplyAsync(() ->
        scale(b, "document-processor", 3, 27));

    assertThat(throughA.get()).as("every change through console A applied").containsOnly(200).hasSize(25);
    assertThat(throughB.get()).as("every change through console B applied").containsOnly(200).hasSize(25);
    assertThat(git("rev-list", "--count", before + "..main")).isEqualTo("50");
    assertThat(git("rev-list", "--merges", before + "..main")).isEmpty();
    assertThat(minReplicas("webapi-v1")).isEqualTo(27);
    assertThat(minReplicas("document-processor-v1")).isEqualTo(27);
    assertThat(gitMinReplicas("webapi")).isEqualTo(27);
    assertThat(gitMinReplicas("document-processor")).isEqualTo(27);
    JsonNode sync = json.readTree(a.get("viewer", "/api/v1/services/sync").body());
    assertThat(sync.path("commit").asString()).isEqualTo(git("rev-parse", "main"));
    sync.path("services").forEach(service -> assertThat(service.path("drifts").size())
        .as("drift of " + service.path("name").asString()).isZero());
  }

  @Test
  void syncs_on_one_console_racing_changes_on_the_other_never_leave_an_older_state_applied() throws Exception {
    AtomicBoolean changing = new AtomicBoolean(true);
    CompletableFuture<Integer> syncs = CompletableFuture.supplyAsync(() -> {
      int count = 0;
      while (changing.get()) {
        assertThat(send(a, "POST", "/api/v1/services/webapi/sync", "").statusCode()).isEqualTo(200);
        count++;
      }
      return count;
    });

    List<Integer> changes = scale(b, "webapi", 30, 41);
    changing.set(false);

    assertThat(changes).containsOnly(200);
    assertThat(syncs.get()).as("syncs that raced the changes").isPositive();
    assertThat(minReplicas("webapi-v1")).as("the cluster holds the newest change, not a state a sync read before it")
        .isEqualTo(41);
    assertThat(gitMinReplicas("webapi")).isEqualTo(41);
  }

  /** Scales a service's v1 to each count from {@code first} to {@code last}, one change after the other. */
  private List<Integer> scale(ConsoleApi console, String service, int first, int last) {
    List<Integer> statuses = new ArrayList<>();
    IntStream.rangeClosed(first, last).forEach(replicas -> statuses.add(send(console, "POST",
        "/api/v1/services/" + service + "/versions/v1/scale", "{\"replicas\": " + replicas + "}").statusCode()));
    return statuses;
  }

  private HttpResponse<String> send(ConsoleApi console, String method, String path, String body) {
    try {
      return console.send("operator", method, path, body);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private int minReplicas(String autoscaler) {
    HorizontalPodAutoscaler hpa = cluster.client().autoscaling().v2().horizontalPodAutoscalers()
        .inNamespace(ConsoleCluster.NAMESPACE).withName(autoscaler).get();
    return hpa.getSpec().getMinReplicas();
  }

  private int gitMinReplicas(String service) {
    String file = git("show", "main:base/" + service + "/horizontal-pod-autoscaler-v1.yaml");
    return Integer.parseInt(file.lines().filter(l -> l.strip().startsWith("minReplicas:")).findFirst().orElseThrow()
        .replaceAll("\\D", ""));
  }

  private String git(String... args) {
    return GitCli.run(cluster.gitRemote(), args);
  }

  private List<String> settings(String identity) {
    return List.of("aviary.coordination.identity=" + identity, "aviary.coordination.lease.duration=3s",
        "aviary.coordination.lease.renewal=2s", "aviary.coordination.lease.retry=200ms", "logging.level.root=WARN",
        "logging.level.dev.aviary=WARN", "aviary.sandbox.ready-delay=100ms");
  }

  private ConsoleApi api(ConfigurableApplicationContext console) {
    return new ConsoleApi(console.getEnvironment().getProperty("local.server.port", Integer.class),
        cluster.provider());
  }
}
