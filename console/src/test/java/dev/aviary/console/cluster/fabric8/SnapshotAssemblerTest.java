package dev.aviary.console.cluster.fabric8;

import dev.aviary.console.cluster.EventInfo;
import dev.aviary.console.cluster.ServiceWorkload;
import dev.aviary.console.cluster.VersionWorkload;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import org.junit.jupiter.api.Test;

import java.time.Instant;
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
    List<ServiceWorkload> services = SnapshotAssembler.services(SnapshotAssembler.Inputs.of(List.of(
        deployment("prod", "webapi-v2", "webapi", "v2", 1, null),
        deployment("prod", "webapi-v1", "webapi", "v1", 3, 3),
        deployment("prod", "document-processor-v1", "document-processor", "v1", 2, 1))));

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

    assertThat(SnapshotAssembler.services(SnapshotAssembler.Inputs.of(List.of(stuck))).getFirst().versions().getFirst()).satisfies(v -> {
      assertThat(v.fullyReady()).isFalse();
      assertThat(v.rollingOut()).isTrue();
    });
  }

  @Test
  void the_same_app_in_two_namespaces_is_two_services() {
    assertThat(SnapshotAssembler.services(SnapshotAssembler.Inputs.of(List.of(deployment("a", "w-v1", "w", "v1", 1, 1),
        deployment("b", "w-v1", "w", "v1", 1, 1))))).extracting(ServiceWorkload::namespace).containsExactly("a", "b");
  }

  @Test
  void pods_autoscalers_and_events_hang_on_the_version_and_service_they_belong_to() {
    Pod crashing = new PodBuilder().withNewMetadata().withName("webapi-v2-abc").withNamespace("prod")
        .withCreationTimestamp("2026-11-22T10:00:00Z").addToLabels("app", "webapi").addToLabels("version", "v2")
        .endMetadata().withNewSpec().withNodeName("node-2").endSpec()
        .withNewStatus().withPhase("Running").addNewContainerStatus().withName("c").withRestartCount(5)
        .withNewState().withNewWaiting().withReason("CrashLoopBackOff").endWaiting().endState()
        .withNewLastState().withNewTerminated().withFinishedAt("2026-11-22T10:40:00Z").endTerminated().endLastState()
        .endContainerStatus().endStatus().build();
    HorizontalPodAutoscaler hpa = new HorizontalPodAutoscalerBuilder().withNewMetadata().withName("webapi-v2-hpa")
        .withNamespace("prod").endMetadata().withNewSpec().withMinReplicas(1).withMaxReplicas(5)
        .withNewScaleTargetRef().withKind("Deployment").withName("webapi-v2").endScaleTargetRef().endSpec()
        .withNewStatus().withCurrentReplicas(1).withDesiredReplicas(1).endStatus().build();
    Event older = event("e1", "Pod", "webapi-v2-abc", "Normal", "Pulled", "2026-11-22T10:00:05Z");
    Event newer = event("e2", "Pod", "webapi-v2-abc", "Warning", "BackOff", "2026-11-22T10:41:00Z");
    Event elsewhere = event("e3", "Pod", "other-pod", "Warning", "BackOff", "2026-11-22T10:42:00Z");

    ServiceWorkload webapi = SnapshotAssembler.services(new SnapshotAssembler.Inputs(
        List.of(deployment("prod", "webapi-v1", "webapi", "v1", 1, 1), deployment("prod", "webapi-v2", "webapi", "v2",
            1, 0)), List.of(), List.of(crashing), List.of(hpa), List.of(older, newer, elsewhere))).getFirst();

    assertThat(webapi.versions().get(0).pods()).isEmpty();
    assertThat(webapi.versions().get(0).hpa()).isEmpty();
    VersionWorkload v2 = webapi.versions().get(1);
    assertThat(v2.pods()).singleElement().satisfies(p -> {
      assertThat(p.crashLooping()).isTrue();
      assertThat(p.restarts()).isEqualTo(5);
      assertThat(p.lastRestart()).isEqualTo(Instant.parse("2026-11-22T10:40:00Z"));
      assertThat(p.node()).isEqualTo("node-2");
    });
    assertThat(v2.hpa()).get().satisfies(h -> assertThat(h.max()).isEqualTo(5));
    assertThat(webapi.events()).extracting(EventInfo::reason).containsExactly("BackOff", "Pulled");
  }

  static Event event(String name, String kind, String object, String type, String reason, String at) {
    return new EventBuilder().withNewMetadata().withName(name).withNamespace("prod").endMetadata()
        .withNewInvolvedObject().withKind(kind).withName(object).withNamespace("prod").endInvolvedObject()
        .withType(type).withReason(reason).withMessage(reason + " happened").withLastTimestamp(at).build();
  }
}
