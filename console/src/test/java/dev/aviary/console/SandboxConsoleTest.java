package dev.aviary.console;

import dev.aviary.console.sandbox.SandboxEnvironment;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole console on its sandbox: real API server, simulator, Git remote and start-up sync. Each concrete
 * family of tests registers its own data directory (see {@link KaribuTest}, {@link ChangingSandboxTest}), which
 * gives it a context, sandbox and Git remote of its own that Spring caches for the family. {@link #operator()} is a second client, standing for someone using kubectl.
 */
@SpringBootTest(properties = {"aviary.sandbox.ready-delay=200ms", "aviary.prometheus.refresh=300ms",
    "aviary.health.sync-check=2s", "aviary.tracing.ui-url=http://jaeger.test:16686/"})
public abstract class SandboxConsoleTest {


  @Autowired
  protected SandboxEnvironment sandbox;
  private KubernetesClient operator;

  /** A fresh data directory under target/, so a test context's Git remote and workspace start from scratch. */
  protected static Path newDataDirectory(String prefix) {
    try {
      Files.createDirectories(Path.of("target"));
      return Files.createTempDirectory(Path.of("target").toAbsolutePath(), prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @BeforeEach
  void connectOperator() {
    operator = new KubernetesClientBuilder().withConfig(sandbox.clientConfig()).build();
  }

  @AfterEach
  void disconnectOperator() {
    operator.close();
  }

  protected KubernetesClient operator() {
    return operator;
  }

  /**
   * Waits until every Deployment has rolled out what its spec says (seen, updated, available, no old replicas left),
   * so that a test that changed the sandbox hands the next one the cluster it found; fails naming the ones that have
   * not.
   */
  protected void awaitDeploymentsRolledOut() {
    await("every Deployment rolled out").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
        .untilAsserted(() -> assertThat(operator.apps().deployments().inAnyNamespace().list().getItems().stream()
            .filter(d -> !rolledOut(d)).map(d -> d.getMetadata().getName() + " " + d.getStatus()).toList()).isEmpty());
  }

  private static boolean rolledOut(Deployment d) {
    DeploymentStatus s = d.getStatus();
    int desired = d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
    return s != null && Objects.equals(s.getObservedGeneration(), d.getMetadata().getGeneration())
        && count(s.getUpdatedReplicas()) == desired && count(s.getReplicas()) == desired
        && count(s.getAvailableReplicas()) == desired;
  }

  private static int count(Integer replicas) {
    return replicas == null ? 0 : replicas;
  }
}
