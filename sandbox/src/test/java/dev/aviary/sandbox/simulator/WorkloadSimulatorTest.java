package dev.aviary.sandbox.simulator;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class WorkloadSimulatorTest extends SimulatedClusterTest {

  @Test
  void scaling_a_deployment_from_3_to_5_yields_5_ready_pods() {
    client.apps().deployments().resource(deployment("webapi-v1", 3, "platform-app:1.0.0")).create();
    await().atMost(Duration.ofSeconds(10)).until(() -> readyReplicas("webapi-v1") == 3);

    client.apps().deployments().withName("webapi-v1").scale(5);

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      assertThat(readyReplicas("webapi-v1")).isEqualTo(5);
      assertThat(podsOf("webapi-v1")).hasSize(5).allSatisfy(p -> assertThat(ready(p)).isTrue());
    });
    assertThat(client.apps().deployments().withName("webapi-v1").get().getStatus().getConditions())
        .anySatisfy(c -> assertThat(c.getReason()).isEqualTo("NewReplicaSetAvailable"));
    assertThat(eventReasons()).contains("ScalingReplicaSet", "SuccessfulCreate", "Scheduled", "Started");
  }

  @Test
  void a_broken_image_tag_yields_pods_that_run_but_never_become_ready_and_warn() {
    client.apps().deployments().resource(deployment("webapi-v2", 2, "platform-app:2.0.0-broken")).create();

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      assertThat(podsOf("webapi-v2")).hasSize(2).allSatisfy(p -> {
        assertThat(p.getStatus()).isNotNull();
        assertThat(p.getStatus().getPhase()).isEqualTo("Running");
        assertThat(ready(p)).isFalse();
      });
      assertThat(client.v1().events().list().getItems()).filteredOn(e -> "Unhealthy".equals(e.getReason()))
          .hasSize(2).allSatisfy(e -> assertThat(e.getType()).isEqualTo("Warning"));
    });
    Deployment d = client.apps().deployments().withName("webapi-v2").get();
    assertThat(d.getStatus().getReadyReplicas()).isZero();
    assertThat(d.getStatus().getUnavailableReplicas()).isEqualTo(2);
  }

  @Test
  void a_new_pod_template_rolls_out_a_new_replica_set_and_retires_the_old_one() {
    client.apps().deployments().resource(deployment("webapi-v1", 2, "platform-app:1.0.0")).create();
    await().atMost(Duration.ofSeconds(10)).until(() -> readyReplicas("webapi-v1") == 2);

    client.apps().deployments().withName("webapi-v1").edit(d -> new DeploymentBuilder(d).editSpec().editTemplate()
        .editSpec().editFirstContainer().withImage("platform-app:1.0.1").endContainer().endSpec().endTemplate()
        .endSpec().build());

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      assertThat(podsOf("webapi-v1")).hasSize(2).allSatisfy(p -> {
        assertThat(p.getSpec().getContainers().getFirst().getImage()).isEqualTo("platform-app:1.0.1");
        assertThat(ready(p)).isTrue();
      });
      assertThat(client.apps().replicaSets().list().getItems()).hasSize(2)
          .anySatisfy(rs -> assertThat(rs.getSpec().getReplicas()).isZero());
    });
  }

  @Test
  void deleting_a_deployment_removes_its_replica_sets_and_pods() {
    client.apps().deployments().resource(deployment("webapi-v1", 2, "platform-app:1.0.0")).create();
    await().atMost(Duration.ofSeconds(10)).until(() -> podsOf("webapi-v1").size() == 2);

    client.apps().deployments().withName("webapi-v1").delete();

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      assertThat(client.apps().replicaSets().list().getItems()).isEmpty();
      assertThat(client.pods().list().getItems()).isEmpty();
    });
  }

  @Test
  void an_autoscaler_keeps_its_deployment_within_min_and_max_replicas() {
    Deployment unscaled = deployment("webapi-v1", 1, "platform-app:1.0.0");
    unscaled.getSpec().setReplicas(null);
    client.apps().deployments().resource(unscaled).create();
    client.autoscaling().v2().horizontalPodAutoscalers().resource(new HorizontalPodAutoscalerBuilder()
        .withNewMetadata().withName("webapi").withNamespace(NS).endMetadata()
        .withNewSpec().withMinReplicas(3).withMaxReplicas(4).withNewScaleTargetRef().withApiVersion("apps/v1")
        .withKind("Deployment").withName("webapi-v1").endScaleTargetRef().endSpec().build()).create();

    await().atMost(Duration.ofSeconds(10)).until(() -> readyReplicas("webapi-v1") == 3);
    client.apps().deployments().withName("webapi-v1").scale(9);

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      assertThat(client.apps().deployments().withName("webapi-v1").get().getSpec().getReplicas()).isEqualTo(4);
      var status = client.autoscaling().v2().horizontalPodAutoscalers().withName("webapi").get().getStatus();
      assertThat(status.getDesiredReplicas()).isEqualTo(4);
      assertThat(status.getConditions()).anySatisfy(c -> {
        assertThat(c.getType()).isEqualTo("ScalingActive");
        assertThat(c.getReason()).isEqualTo("SandboxFixedRange");
      });
    });
    assertThat(client.v1().events().list().getItems()).filteredOn(e -> "SuccessfulRescale".equals(e.getReason()))
        .extracting(Event::getMessage)
        .anySatisfy(m -> assertThat(m).startsWith("New size: 3; reason: Current number of replicas below"))
        .anySatisfy(m -> assertThat(m).startsWith("New size: 4; reason: Current number of replicas above"));
  }

  int readyReplicas(String name) {
    Deployment d = client.apps().deployments().withName(name).get();
    return d.getStatus() == null || d.getStatus().getReadyReplicas() == null ? 0 : d.getStatus().getReadyReplicas();
  }

  List<Pod> podsOf(String deployment) {
    return client.pods().list().getItems().stream()
        .filter(p -> p.getMetadata().getName().startsWith(deployment + "-")).toList();
  }

  static boolean ready(Pod p) {
    return p.getStatus() != null && p.getStatus().getConditions().stream().anyMatch(c -> c.getType().equals("Ready") && c.getStatus().equals("True"));
  }

  List<String> eventReasons() {
    return client.v1().events().list().getItems().stream().map(Event::getReason).toList();
  }

  static Deployment deployment(String name, int replicas, String image) {
    return new DeploymentBuilder().withNewMetadata().withName(name).withNamespace(NS).addToLabels("app", "webapi")
        .endMetadata().withNewSpec().withReplicas(replicas).withNewSelector().addToMatchLabels("app", "webapi")
        .addToMatchLabels("version", name.substring(name.lastIndexOf('-') + 1)).endSelector().withNewTemplate()
        .withNewMetadata().addToLabels("app", "webapi").addToLabels("version", name.substring(name.lastIndexOf('-') + 1))
        .endMetadata().withNewSpec().addNewContainer().withName("app").withImage(image).endContainer().endSpec()
        .endTemplate().endSpec().build();
  }
}
