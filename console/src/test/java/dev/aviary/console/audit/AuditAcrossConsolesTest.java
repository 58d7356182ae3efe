package dev.aviary.console.audit;

import dev.aviary.console.ConsoleApi;
import dev.aviary.console.ConsoleCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The audit trail is the installation's, not one console's: what console A records, B shows, and A shows again after
 * it restarts.
 */
class AuditAcrossConsolesTest {

  @TempDir
  static Path dir;
  static ConsoleCluster cluster;

  @BeforeAll
  static void start() {
    cluster = ConsoleCluster.sandbox(dir);
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void entries_recorded_on_one_console_are_shown_on_another_and_after_the_first_restarts() throws Exception {
    ConfigurableApplicationContext a = console("console-a");
    ConfigurableApplicationContext b = console("console-b");
    ConsoleApi throughA = new ConsoleApi(port(a), cluster.provider());

    assertThat(throughA.send("viewer", "POST", "/api/v1/services/webapi/versions/v1/scale",
        "{\"replicas\": 9, \"reason\": \"audit across consoles\"}").statusCode()).isEqualTo(403);
    assertThat(throughA.send("operator", "POST", "/api/v1/services/webapi/versions/v1/scale",
        "{\"replicas\": 4, \"reason\": \"audit across consoles\"}").statusCode()).isEqualTo(200);

    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(recorded(b))
        .contains("scale DENIED by Vera Viewer", "scale SUCCEEDED by Otto Operator"));
    a.close();
    ConfigurableApplicationContext again = console("console-a");
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(recorded(again))
        .contains("scale DENIED by Vera Viewer", "scale SUCCEEDED by Otto Operator"));
    assertThat(cluster.client().genericKubernetesResources("aviary.dev/v1alpha1", "AuditEntry")
        .inNamespace(cluster.leaseNamespace()).list().getItems()).as("entries in the cluster").hasSizeGreaterThan(1);
    again.close();
    b.close();
  }

  private static List<String> recorded(ConfigurableApplicationContext console) {
    return console.getBean(AuditLog.class).recent().stream()
        .filter(e -> e.target().contains("reason=audit across consoles"))
        .map(e -> e.action() + " " + e.outcome() + " by " + e.actor().replaceAll(" <.*", "")).toList();
  }

  private static ConfigurableApplicationContext console(String identity) {
    return cluster.console(identity, dir.resolve(identity), List.of("aviary.coordination.identity=" + identity,
        "logging.level.root=WARN", "logging.level.dev.aviary=WARN", "aviary.sandbox.ready-delay=100ms"));
  }

  private static int port(ConfigurableApplicationContext console) {
    return console.getEnvironment().getProperty("local.server.port", Integer.class);
  }
}
