package dev.aviary.sandbox.simulator;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The sandbox's StatefulSet, volume, DaemonSet and Job controllers, through the sandbox API server. */
class StatefulWorkloadsSimulationTest extends SimulatedClusterTest {

  static StatefulSet statefulSet(int replicas, String storageClass) {
    return new StatefulSetBuilder().withNewMetadata().withName("postgresql").addToLabels("app", "postgresql")
        .endMetadata().withNewSpec().withReplicas(replicas).withServiceName("postgresql").withNewSelector()
        .addToMatchLabels("app", "postgresql").endSelector().withNewTemplate().withNewMetadata()
        .addToLabels("app", "postgresql").endMetadata().withNewSpec().addNewContainer().withName("postgres")
        .withImage("postgres:17.6").endContainer().endSpec().endTemplate().addNewVolumeClaimTemplate()
        .withNewMetadata().withName("data").addToLabels("app", "postgresql").endMetadata().withNewSpec()
        .withStorageClassName(storageClass).withAccessModes("ReadWriteOnce").withNewResources()
        .addToRequests("storage", new Quantity("10Gi")).endResources().endSpec().endVolumeClaimTemplate().endSpec()
        .build();
  }

  @Test
  void a_stateful_set_gets_ordered_pods_on_bound_claims_and_scales_down_from_the_highest_ordinal() {
    client.apps().statefulSets().resource(statefulSet(3, null)).create();

    await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
      assertThat(client.apps().statefulSets().withName("postgresql").get().getStatus()).isNotNull()
          .satisfies(status -> assertThat(status.getReadyReplicas()).isEqualTo(3));
      assertThat(pods("postgresql")).extracting(p -> p.getMetadata().getName())
          .containsExactly("postgresql-0", "postgresql-1", "postgresql-2");
    });
    assertThat(client.persistentVolumeClaims().list().getItems()).hasSize(3).allSatisfy(c -> {
      assertThat(c.getStatus().getPhase()).isEqualTo("Bound");
      assertThat(c.getSpec().getStorageClassName()).as("the default class").isEqualTo("standard");
      assertThat(c.getStatus().getCapacity().get("storage")).isEqualTo(new Quantity("10Gi"));
    });
    assertThat(client.persistentVolumes().list().getItems()).hasSize(3);
    List<String> created = client.v1().events().list().getItems().stream()
        .filter(e -> "SuccessfulCreate".equals(e.getReason()) && e.getMessage().startsWith("create Pod"))
        .sorted(Comparator.comparing(Event::getLastTimestamp).thenComparing(e -> e.getMetadata().getName()))
        .map(Event::getMessage).toList();
    assertThat(created).as("one pod at a time, in order").hasSize(3).first().asString().contains("postgresql-0");

    client.apps().statefulSets().withName("postgresql").scale(1);

    await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(pods("postgresql"))
        .extracting(p -> p.getMetadata().getName()).containsExactly("postgresql-0"));
    assertThat(client.persistentVolumeClaims().list().getItems()).as("claims outlive their pods").hasSize(3);
  }

  @Test
  void a_claim_for_a_storage_class_the_cluster_lacks_stays_pending_with_a_warning_and_its_pod_unscheduled() {
    client.apps().statefulSets().resource(statefulSet(1, "fast")).create();

    await().atMost(Duration.ofSeconds(10)).until(() -> client.v1().events().list().getItems().stream()
        .anyMatch(e -> "ProvisioningFailed".equals(e.getReason())
            && e.getMessage().equals("storageclass.storage.k8s.io \"fast\" not found")));
    await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).untilAsserted(() -> {
      PersistentVolumeClaim claim = client.persistentVolumeClaims().withName("data-postgresql-0").get();
      assertThat(claim.getStatus()).isNotNull();
      assertThat(claim.getStatus().getPhase()).isEqualTo("Pending");
      assertThat(pods("postgresql")).singleElement().satisfies(p -> {
        assertThat(p.getSpec().getNodeName()).isNull();
        assertThat(p.getStatus()).isNotNull();
        assertThat(p.getStatus().getPhase()).isEqualTo("Pending");
      });
    });
  }

  @Test
  void a_daemon_set_runs_one_pod_on_each_node() {
    client.apps().daemonSets().resource(new DaemonSetBuilder().withNewMetadata().withName("node-agent").endMetadata()
        .withNewSpec().withNewSelector().addToMatchLabels("app", "node-agent").endSelector().withNewTemplate()
        .withNewMetadata().addToLabels("app", "node-agent").endMetadata().withNewSpec().addNewContainer()
        .withName("agent").withImage("agent:1.0.0").endContainer().endSpec().endTemplate().endSpec().build())
        .create();

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      var status = client.apps().daemonSets().withName("node-agent").get().getStatus();
      assertThat(status).isNotNull();
      assertThat(status.getDesiredNumberScheduled()).isEqualTo(3);
      assertThat(status.getNumberReady()).isEqualTo(3);
      assertThat(pods("node-agent")).extracting(p -> p.getSpec().getNodeName())
          .containsExactlyInAnyOrder("sandbox-node-1", "sandbox-node-2", "sandbox-node-3");
    });
  }

  static Job job(String name, String image, int backoffLimit) {
    return new JobBuilder().withNewMetadata().withName(name).endMetadata().withNewSpec().withCompletions(1)
        .withBackoffLimit(backoffLimit).withNewTemplate().withNewSpec().addNewContainer().withName("migrate")
        .withImage(image).endContainer().withRestartPolicy("Never").endSpec().endTemplate().endSpec().build();
  }

  @Test
  void a_job_runs_to_completion_and_a_broken_one_fails_after_its_backoff_limit() {
    client.batch().v1().jobs().resource(job("migrate", "platform-app:1.0.0", 6)).create();
    client.batch().v1().jobs().resource(job("migrate-broken", "platform-app:1.1.0-broken", 1)).create();

    await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
      Job done = client.batch().v1().jobs().withName("migrate").get();
      Job failed = client.batch().v1().jobs().withName("migrate-broken").get();
      assertThat(done.getStatus()).isNotNull();
      assertThat(failed.getStatus()).isNotNull();
      assertThat(done.getStatus().getSucceeded()).isEqualTo(1);
      assertThat(done.getStatus().getConditions()).anySatisfy(c -> assertThat(c.getType()).isEqualTo("Complete"));
      assertThat(done.getStatus().getCompletionTime()).isNotNull();
      assertThat(failed.getStatus().getFailed()).isEqualTo(2);
      assertThat(failed.getStatus().getConditions()).anySatisfy(c -> {
        assertThat(c.getType()).isEqualTo("Failed");
        assertThat(c.getReason()).isEqualTo("BackoffLimitExceeded");
      });
    });
    await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() ->
        pods("migrate").stream().filter(p -> p.getStatus() != null
            && "Succeeded".equals(p.getStatus().getPhase())).count() == 1);
  }

  List<Pod> pods(String app) {
    return client.pods().list().getItems().stream()
        .filter(p -> p.getMetadata().getName().startsWith(app + "-") && !p.getMetadata().getName().startsWith(
            app + "-broken")).sorted(Comparator.comparing(p -> p.getMetadata().getName())).toList();
  }
}
