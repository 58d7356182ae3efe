package dev.aviary.console.cluster;

import dev.aviary.testsupport.git.GitCli;
import dev.aviary.console.RealCluster;
import dev.aviary.console.gitops.ChangePipeline;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a real API server does that the sandbox's does not: it goes away and comes back with a fresh watch cache, so
 * a watch resumed from an older resourceVersion is answered {@code 410 Gone} and must be relisted; and while it is
 * away, a change can be committed but not applied.
 */
class RealApiServerFaultsTest {

  private static final String NS = RealCluster.NAMESPACE;
  private static RealCluster cluster;
  private static ConfigurableApplicationContext console;

  @BeforeAll
  static void install() throws IOException {
    cluster = RealCluster.start("real-faults");
    console = cluster.console("console-a", "aviary.git.reapply-interval=500ms");
    await("the console watching the managed workloads").atMost(Duration.ofSeconds(60))
        .until(() -> state().snapshot().connection().live() && state().snapshot().services().size() >= 2);
  }

  @AfterAll
  static void uninstall() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @AfterEach
  void apiServerBack() throws IOException {
    if (!cluster.plane().apiServerRunning()) {
      cluster.plane().startApiServer();
    }
  }

  /** More pods than one page of the informers' lists holds, so the relist goes through continue tokens too. */
  @Test
  void what_changed_while_the_api_server_was_away_is_relisted_after_its_watch_is_answered_gone() throws IOException {
    int bulk = 600;
    cluster.admin().resource(deployment("bulk", bulk)).create();
    await("600 bulk pods seen by the console").atMost(Duration.ofSeconds(90)).until(() -> pods("bulk") == bulk);
    Path second = cluster.plane().startSecondApiServer();
    try (KubernetesClient other = RealCluster.client(second)) {
      cluster.plane().stopApiServer();
      await("the console's watch stale").atMost(Duration.ofSeconds(30))
          .until(() -> !state().snapshot().connection().live());

      other.resource(deployment("reporting", 1)).create();
      other.autoscaling().v2().horizontalPodAutoscalers().inNamespace(NS).withName("webapi-v1").delete();
      // Compacted too: not even etcd could answer from the resourceVersion the console's watches stopped at.
      cluster.plane().compactEtcd();
      cluster.plane().startApiServer();
    }

    await("the new service seen and the deleted autoscaler gone").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      ClusterSnapshot snapshot = state().snapshot();
      assertThat(snapshot.connection().live()).isTrue();
      assertThat(snapshot.services()).extracting(ServiceWorkload::name).contains("reporting");
      assertThat(pods("bulk")).isEqualTo(bulk);
      assertThat(snapshot.objects()).noneMatch(o -> "HorizontalPodAutoscaler".equals(o.get("kind"))
          && "webapi-v1".equals(((Map<?, ?>) o.get("metadata")).get("name")));
    });
  }

  @Test
  void a_change_made_while_the_api_server_is_down_is_committed_and_applied_when_it_is_back() throws Exception {
    cluster.plane().stopApiServer();
    await("the console's watch stale").atMost(Duration.ofSeconds(30))
        .until(() -> !state().snapshot().connection().live());

    long started = System.nanoTime();
    HttpResponse<String> response = api("POST", "/api/v1/services/document-processor/versions/v1/scale",
        "{\"replicas\": 5, \"reason\": \"during the outage\"}");
    System.out.printf("answered %d in %d ms while the API server was down%n", response.statusCode(),
        (System.nanoTime() - started) / 1_000_000);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    JsonNode result = new ObjectMapper().readTree(response.body());
    assertThat(result.path("state").asString()).isEqualTo("COMMITTED_NOT_APPLIED");
    assertThat(GitCli.run(cluster.gitRemote(), "rev-parse", "main")).isEqualTo(result.path("commit").asString());
    assertThat(console.getBean(ChangePipeline.class).unappliedFiles()).isNotEmpty();

    cluster.plane().startApiServer();

    await("the change applied once the API server is back").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      assertThat(cluster.admin().autoscaling().v2().horizontalPodAutoscalers().inNamespace(NS)
          .withName("document-processor-v1").get().getSpec().getMinReplicas()).isEqualTo(5);
      assertThat(console.getBean(ChangePipeline.class).unappliedFiles()).isEmpty();
      assertThat(state().snapshot().connection().live()).isTrue();
    });
  }

  private static ClusterState state() {
    return console.getBean(ClusterState.class);
  }

  private static long pods(String service) {
    return state().snapshot().services().stream().filter(s -> s.name().equals(service))
        .flatMap(s -> s.versions().stream()).mapToLong(v -> v.pods().size()).sum();
  }

  private static Deployment deployment(String app, int replicas) {
    return Serialization.unmarshal("""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: %s-v1
          namespace: document-processing
          labels: {app: %s, version: v1}
        spec:
          replicas: %d
          selector: {matchLabels: {app: %s, version: v1}}
          template:
            metadata: {labels: {app: %s, version: v1}}
            spec:
              containers: [{name: %s, image: "ghcr.io/aviary-dev/platform-app:1.0.0"}]
        """.formatted(app, app, replicas, app, app, app), Deployment.class);
  }

  private static HttpResponse<String> api(String method, String path, String body) throws Exception {
    return cluster.api(console, method, path, body);
  }
}
