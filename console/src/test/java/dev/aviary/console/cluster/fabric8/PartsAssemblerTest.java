package dev.aviary.console.cluster.fabric8;

import dev.aviary.console.cluster.EventInfo;
import dev.aviary.console.cluster.ServiceWorkload;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.aviary.console.cluster.fabric8.SnapshotAssemblerTest.deployment;
import static dev.aviary.console.cluster.fabric8.SnapshotAssemblerTest.event;
import static org.assertj.core.api.Assertions.assertThat;

class PartsAssemblerTest {

  static StatefulSet statefulSet() {
    return new StatefulSetBuilder().withNewMetadata().withName("postgresql").withNamespace("prod")
        .addToLabels("app", "postgresql").withGeneration(2L).endMetadata().withNewSpec().withReplicas(2)
        .withNewUpdateStrategy().withType("RollingUpdate").withNewRollingUpdate().withPartition(1).endRollingUpdate()
        .endUpdateStrategy().endSpec().withNewStatus().withObservedGeneration(2L).withReadyReplicas(1)
        .withCurrentReplicas(2).withUpdatedReplicas(1).withCurrentRevision("postgresql-1")
        .withUpdateRevision("postgresql-2").endStatus().build();
  }

  static Pod podOf(String name, String ownerKind, String owner) {
    return new PodBuilder().withNewMetadata().withName(name).withNamespace("prod").addNewOwnerReference()
        .withKind(ownerKind).withName(owner).endOwnerReference().endMetadata().withNewStatus().withPhase("Running")
        .endStatus().build();
  }

  static PersistentVolumeClaim claim(String name, String app) {
    PersistentVolumeClaimBuilder b = new PersistentVolumeClaimBuilder().withNewMetadata().withName(name)
        .withNamespace("prod").endMetadata().withNewSpec().withStorageClassName("fast").withNewResources()
        .addToRequests("storage", new Quantity("10Gi")).endResources().endSpec().withNewStatus()
        .withPhase("Pending").endStatus();
    if (app != null) {
      b.editMetadata().addToLabels("app", app).endMetadata();
    }
    return b.build();
  }

  static Job job(String name, String cronJob, String started) {
    JobBuilder b = new JobBuilder().withNewMetadata().withName(name).withNamespace("prod").endMetadata()
        .withNewSpec().endSpec().withNewStatus().withStartTime(started).withSucceeded(1).endStatus();
    if (cronJob != null) {
      b.editMetadata().addNewOwnerReference().withKind("CronJob").withName(cronJob).endOwnerReference().endMetadata();
    }
    return b.build();
  }

  @Test
  void stateful_parts_are_grouped_under_their_service_by_app_label_with_their_pods_warnings_and_runs() {
    CronJob vacuum = new CronJobBuilder().withNewMetadata().withName("postgresql-vacuum").withNamespace("prod")
        .addToLabels("app", "postgresql").endMetadata().withNewSpec().withSchedule("0 3 * * *").endSpec().build();
    var inputs = new SnapshotAssembler.Inputs(List.of(deployment("prod", "webapi-v1", "webapi", "v1", 1, 1)),
        List.of(), List.of(podOf("postgresql-0", "StatefulSet", "postgresql"), podOf("postgresql-1", "StatefulSet",
        "postgresql"), podOf("other-0", "StatefulSet", "other")), List.of(),
        List.of(event("e1", "PersistentVolumeClaim", "data-postgresql-1", "Warning", "ProvisioningFailed",
            "2026-12-01T10:00:00Z"), event("e2", "Job", "postgresql-vacuum-2", "Warning", "BackoffLimitExceeded",
            "2026-12-01T11:00:00Z")),
        List.of(statefulSet()), List.of(), List.of(claim("data-postgresql-1", "postgresql"), claim("scratch", null)),
        List.of(job("postgresql-vacuum-2", "postgresql-vacuum", "2026-12-01T03:00:00Z"),
            job("postgresql-vacuum-1", "postgresql-vacuum", "2026-11-30T03:00:00Z")),
        List.of(vacuum));

    List<ServiceWorkload> services = SnapshotAssembler.services(inputs);

    assertThat(services).extracting(ServiceWorkload::name).containsExactly("postgresql", "webapi");
    ServiceWorkload postgresql = services.getFirst();
    assertThat(postgresql.versions()).as("a database has no Deployment").isEmpty();
    assertThat(postgresql.parts().statefulSets()).singleElement().satisfies(s -> {
      assertThat(s.pods()).extracting(p -> p.name()).containsExactly("postgresql-0", "postgresql-1");
      assertThat(s.partition()).isEqualTo(1);
      assertThat(s.updateRevision()).isEqualTo("postgresql-2");
      assertThat(s.observed()).isTrue();
    });
    assertThat(postgresql.parts().claims()).as("a claim without an app label belongs to no service")
        .singleElement().satisfies(c -> {
          assertThat(c.problem()).isEqualTo("ProvisioningFailed: ProvisioningFailed happened");
          assertThat(c.requested()).isEqualTo("10Gi");
          assertThat(c.storageClass()).isEqualTo("fast");
        });
    assertThat(postgresql.parts().jobs()).as("a CronJob's runs are listed under it").isEmpty();
    assertThat(postgresql.parts().cronJobs()).singleElement().satisfies(c -> assertThat(c.lastRun()).get()
        .satisfies(j -> assertThat(j.name()).isEqualTo("postgresql-vacuum-2")));
    assertThat(postgresql.events()).as("events about a CronJob's runs go to the CronJob's service, newest first")
        .extracting(EventInfo::objectName).containsExactly("postgresql-vacuum-2", "data-postgresql-1");
    assertThat(services.get(1).parts().isEmpty()).isTrue();
  }
}
