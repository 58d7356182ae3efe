package dev.aviary.console.release;

import dev.aviary.console.analysis.AnalysisResult;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Canary releases end to end on a real control plane, the console holding only the rights {@code k8s/} gives it:
 * the canary Deployment's pods are made by the real controllers (kwok plays the kubelet), the release's status
 * goes through the Release CRD's status subresource, the Lease is in Aviary's own namespace, and the judgment is
 * real Prometheus on real platform-app processes, as in {@link ReleaseWithPrometheusTest}.
 */
class ReleaseOnRealClusterTest extends RigTest {

  @Override
  ReleaseRig startRig(Path dir) throws Exception {
    ReleaseRig started = ReleaseRig.startOnRealCluster(dir, 200, ReleaseRig.withQuickLimits(
        "aviary.releases.plan.steps=25,50,100",
        "aviary.releases.plan.step-duration=5s", "aviary.releases.plan.warm-window=2s",
        "aviary.releases.plan.ready-timeout=60s"));
    started.traffic().previewing(0.2);
    started.console("console-a");
    return started;
  }

  @Test
  void a_healthy_canary_is_promoted_with_its_progress_in_the_releases_status() throws Exception {
    String name = rig.begin("1.1.0");
    Release done = rig.awaitFinished(name, Duration.ofSeconds(120));
    String v = done.spec().canaryVersion();

    assertThat(done.phase()).as(done.status().message()).isEqualTo(ReleasePhase.PROMOTED);
    assertThat(done.status().analyses()).extracting(AnalysisResult::weight).containsExactly(25, 50, 100);
    assertThat(rig.git("log", "-1", "--format=%an|%s", "--", "base/webapi"))
        .isEqualTo("Aviary|webapi: promote: remove canary webapi-" + v);
    assertThat(rig.leader()).contains("console-a");
    // Git's spec and the leader's status side by side in one object: the status subresource kept them apart.
    GenericKubernetesResource stored = rig.client().genericKubernetesResources("aviary.dev/v1alpha1", "Release")
        .inNamespace(ReleaseRig.NAMESPACE).withName(name).get();
    assertThat(stored.get("spec", "image").toString()).endsWith(":1.1.0");
    assertThat(stored.<Object>get("status", "phase")).isNotNull();
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
        assertThat(rig.traffic().weights()).containsEntry("v1", 100).doesNotContainKey(v));
    assertThat(rig.traffic().unroutable()).isZero();
    rig.retire(done);
  }

  @Test
  void a_faulty_canary_is_rolled_back_by_itself() throws Exception {
    String name = rig.begin("1.2.0-faulty");
    Release done = rig.awaitFinished(name, Duration.ofSeconds(90));

    assertThat(done.phase()).isEqualTo(ReleasePhase.ROLLED_BACK);
    assertThat(done.status().message()).startsWith(done.spec().canaryVersion() + " failed analysis at 25%");
    rig.retire(done);
  }

  @Test
  void a_faulty_blue_green_release_is_rolled_back_from_a_preview_the_real_api_server_stored() throws Exception {
    String tag = "1.3.0-faulty";
    String v = rig.prepare(tag);
    String name = rig.start(tag, v, ReleaseStrategy.BLUE_GREEN);

    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      var preview = rig.client().services().inNamespace(ReleaseRig.NAMESPACE).withName("webapi-preview").get();
      assertThat(preview).as("the preview Service").isNotNull();
      assertThat(preview.getSpec().getSelector()).containsEntry("app", "webapi").containsEntry("version", v);
    });
    Release done = rig.awaitFinished(name, Duration.ofSeconds(90));

    assertThat(done.phase()).isEqualTo(ReleasePhase.ROLLED_BACK);
    assertThat(done.status().message()).startsWith(v + " failed analysis at preview");
    assertThat(rig.traffic().tally(v).sent.get()).as("no user request reached green").isZero();
    GenericKubernetesResource stored = rig.client().genericKubernetesResources("aviary.dev/v1alpha1", "Release")
        .inNamespace(ReleaseRig.NAMESPACE).withName(name).get();
    assertThat(stored.<Object>get("spec", "plan", "strategy")).as("kept by the CRD's schema").isEqualTo("blueGreen");
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(rig.client().services()
        .inNamespace(ReleaseRig.NAMESPACE).withName("webapi-preview").get()).as("the preview is gone").isNull());
    rig.retire(done);
  }
}
