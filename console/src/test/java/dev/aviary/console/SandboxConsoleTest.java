package dev.aviary.console;

import dev.aviary.console.sandbox.SandboxEnvironment;
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
}
