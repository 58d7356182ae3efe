package dev.aviary.console.cluster.fabric8;

import dev.aviary.console.cluster.ServiceWorkload;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SnapshotAssemblerTest {

  static Deployment deployment(String ns, String name, String app, String version, int replicas, Integer ready) {
    DeploymentBuilder b = new DeploymentBuilder().withNewMetadata().withName(name).withNamespace(ns)
        .addToLabels("app", app).addToLabels("version", version).endMetadata().withNewSpec().withReplicas(replicas)
        .withNewTemplate().withNewSpec().addNewContainer().withName("c").withImage(app + ":" + version).endContainer()
        .endSpec().endTemplate().endSpec();
    if (ready != null) {
      b.withNewStatus().withReadyReplicas(ready).withUpdatedReplicas(ready).endStatus();
    }
    return b.build();
  }

  @Test
  void deployments_sharing_an_app_label_form_one_service_with_a_version_each() {
    List<ServiceWorkload> services = SnapshotAssembler.services(List.of(
        deployment("prod", "webapi-v2", "webapi", "v2", 1, null),
        deployment("prod", "webapi-v1", "webapi", "v1", 3, 3),
        deployment("prod", "document-processor-v1", "document-processor", "v1", 2, 1)));

    assertThat(services).extracting(ServiceWorkload::name).containsExactly("document-processor", "webapi");
    ServiceWorkload webapi = services.get(1);
    assertThat(webapi.versions()).extracting(v -> v.version()).containsExactly("v1", "v2");
    assertThat(webapi.versions().get(1).ready()).as("no status yet counts as none ready").isZero();
    assertThat(webapi.ready()).isEqualTo(3);
    assertThat(webapi.desired()).isEqualTo(4);
    assertThat(webapi.versions().get(0).fullyReady()).isTrue();
    assertThat(webapi.versions().get(1).fullyReady()).isFalse();
  }

  @Test
  void a_rollout_with_ready_old_pods_but_no_updated_ones_is_not_fully_ready() {
    Deployment stuck = deployment("prod", "webapi-v1", "webapi", "v1", 2, 2);
    stuck.getStatus().setUpdatedReplicas(0);

    assertThat(SnapshotAssembler.services(List.of(stuck)).getFirst().versions().getFirst()).satisfies(v -> {
      assertThat(v.fullyReady()).isFalse();
      assertThat(v.rollingOut()).isTrue();
    });
  }

  @Test
  void the_same_app_in_two_namespaces_is_two_services() {
    assertThat(SnapshotAssembler.services(List.of(deployment("a", "w-v1", "w", "v1", 1, 1),
        deployment("b", "w-v1", "w", "v1", 1, 1)))).extracting(ServiceWorkload::namespace).containsExactly("a", "b");
  }
}
