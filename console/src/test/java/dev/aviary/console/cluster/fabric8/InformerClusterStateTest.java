package dev.aviary.console.cluster.fabric8;

import dev.aviary.console.cluster.ClusterInfo;
import dev.aviary.console.cluster.ClusterSnapshot;
import dev.aviary.console.cluster.ConnectionState;
import dev.aviary.sandbox.api.SandboxApiServer;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class InformerClusterStateTest {

  static final String NS = "document-processing";
  SandboxApiServer server;
  KubernetesClient client;
  InformerClusterState state;

  @BeforeEach
  void start() {
    server = SandboxApiServer.start(0, Clock.systemUTC());
    client = server.newClient(NS);
    client.apps().deployments().resource(new DeploymentBuilder().withNewMetadata().withName("webapi-v1")
        .withNamespace(NS).addToLabels("app", "webapi").addToLabels("version", "v1").endMetadata().withNewSpec()
        .withReplicas(2).withNewTemplate().withNewSpec().addNewContainer().withName("app").withImage("app:1")
        .endContainer().endSpec().endTemplate().endSpec().build()).create();
    state = new InformerClusterState(client, new ClusterInfo("test", server.url(), false, List.of(NS)),
        Clock.systemUTC());
    state.afterPropertiesSet();
  }

  @AfterEach
  void stop() {
    state.destroy();
    client.close();
    server.close();
  }

  @Test
  void a_live_watch_publishes_the_workloads_and_changes_to_them() {
    List<ClusterSnapshot> seen = new CopyOnWriteArrayList<>();
    state.subscribe(seen::add);

    await().atMost(Duration.ofSeconds(10)).until(() -> state.snapshot().connection().live());
    assertThat(state.snapshot().services()).singleElement().satisfies(s -> {
      assertThat(s.name()).isEqualTo("webapi");
      assertThat(s.versions()).singleElement().satisfies(v -> assertThat(v.desired()).isEqualTo(2));
    });

    client.apps().deployments().withName("webapi-v1").scale(4);

    await().atMost(Duration.ofSeconds(5)).until(() -> seen.getLast().services().getFirst().desired() == 4);
  }

  @Test
  void a_lost_connection_turns_the_snapshot_stale_and_keeps_the_last_known_data() {
    await().atMost(Duration.ofSeconds(10)).until(() -> state.snapshot().connection().live());

    server.close();

    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      ConnectionState connection = state.snapshot().connection();
      assertThat(connection.status()).isEqualTo(ConnectionState.Status.STALE);
      assertThat(connection.detail()).contains("Lost the watch").contains("What you see is from before then");
    });
    assertThat(state.snapshot().services()).extracting(s -> s.name()).containsExactly("webapi");
  }

  @Test
  void informers_keep_objects_without_their_managed_fields() {
    client.apps().deployments().resource(new DeploymentBuilder().withNewMetadata().withName("applied-v1")
        .withNamespace(NS).addToLabels("app", "applied").endMetadata().withNewSpec().withReplicas(1).endSpec()
        .build()).fieldManager("kubectl").forceConflicts().serverSideApply();
    assertThat(client.apps().deployments().withName("applied-v1").get().getMetadata().getManagedFields())
        .as("the API server records who wrote what").isNotEmpty();

    try (ManagedInformers informers = new ManagedInformers(client, List.of(NS), () -> { })) {
      informers.start();
      await().atMost(Duration.ofSeconds(10)).until(informers::watching);

      assertThat(informers.all(Deployment.class)).hasSize(2)
          .allSatisfy(d -> assertThat(d.getMetadata().getManagedFields()).isNullOrEmpty());
    }
  }
}
