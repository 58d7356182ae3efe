package dev.aviary.console.coordination.fabric8;

import dev.aviary.console.gitops.RepositoryFiles;
import dev.aviary.sandbox.Sandbox;
import dev.aviary.sandbox.SandboxOptions;
import dev.aviary.sandbox.simulator.SimulatorSettings;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Leadership through the leader Lease on the sandbox's API server. */
class LeaseLeadershipTest {

  static final String NAMESPACE = "document-processing";

  @TempDir
  Path directory;
  Sandbox sandbox;
  KubernetesClient client;
  LeaseLeadership leadership;

  @BeforeEach
  void start() {
    sandbox = Sandbox.start(new SandboxOptions(directory.resolve("sandbox"), 0, NAMESPACE,
        RepositoryFiles.platformManifests().bytes(), SimulatorSettings.defaults()), Clock.systemUTC());
    client = new KubernetesClientBuilder().withConfig(sandbox.clientConfig()).build();
  }

  @AfterEach
  void stop() {
    if (leadership != null) {
      leadership.close();
    }
    client.close();
    sandbox.close();
  }

  @Test
  void a_console_that_lost_the_lead_stands_again_and_takes_it_back_when_the_other_holder_goes_quiet() {
    leadership = new LeaseLeadership(client, NAMESPACE, "aviary-leader", "console-a", Duration.ofSeconds(2),
        Duration.ofSeconds(1), Duration.ofMillis(100));
    leadership.start();
    await().atMost(Duration.ofSeconds(10)).until(leadership::leading);

    // Another console takes the Lease, as it would after console-a's renewals stalled, and then dies.
    client.leases().inNamespace(NAMESPACE).withName("aviary-leader").edit(lease -> {
      lease.getSpec().setHolderIdentity("console-b");
      lease.getSpec().setRenewTime(ZonedDateTime.now());
      return lease;
    });
    await().atMost(Duration.ofSeconds(10)).until(() -> !leadership.leading());

    await().atMost(Duration.ofSeconds(15)).until(leadership::leading);
    assertThat(holder()).isEqualTo("console-a");
  }

  @Test
  void a_closed_console_gives_the_lead_up_and_does_not_stand_again() {
    leadership = new LeaseLeadership(client, NAMESPACE, "aviary-leader", "console-a", Duration.ofSeconds(2),
        Duration.ofSeconds(1), Duration.ofMillis(100));
    leadership.start();
    await().atMost(Duration.ofSeconds(10)).until(leadership::leading);

    leadership.close();

    // fabric8 releases a Lease by cutting its duration to a second, so the next console need not wait for expiry.
    assertThat(lease().getSpec().getLeaseDurationSeconds()).isEqualTo(1);
    ZonedDateTime released = lease().getSpec().getRenewTime();
    assertThat(leadership.leading()).isFalse();
    await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4))
        .until(() -> released.equals(lease().getSpec().getRenewTime()));
  }

  private Lease lease() {
    return client.leases().inNamespace(NAMESPACE).withName("aviary-leader").get();
  }

  private String holder() {
    return lease().getSpec().getHolderIdentity();
  }
}
