package dev.aviary.sandbox.simulator;

import dev.aviary.sandbox.api.SandboxApiServer;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.time.Clock;
import java.time.Duration;

/** A sandbox API server with the simulator running on it, fast (pods ready in 300 ms), started for each test. */
abstract class SimulatedClusterTest {

  static final String NS = "document-processing";
  SandboxApiServer server;
  KubernetesClient client;
  WorkloadSimulator simulator;

  @BeforeEach
  void start() {
    server = SandboxApiServer.start(0, Clock.systemUTC());
    client = server.newClient(NS);
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build()).create();
    simulator = new WorkloadSimulator(server.newClient(NS), new SimulatorSettings(Duration.ofMillis(100),
        Duration.ofMillis(300), Duration.ofMillis(50), 3), Clock.systemUTC()).start();
  }

  @AfterEach
  void stop() {
    simulator.close();
    client.close();
    server.close();
  }
}
