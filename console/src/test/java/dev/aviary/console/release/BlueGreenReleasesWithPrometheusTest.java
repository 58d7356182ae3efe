package dev.aviary.console.release;

import dev.aviary.console.analysis.AnalysisResult;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Blue-green releases judged by a real Prometheus on real platform-app processes, the traffic driver doing what the
 * mesh would with the live VirtualServices: users' requests follow the primary route's weights, and a fifth of all
 * requests are testers' calls to the preview ({@code webapi-preview}), which go to the version its Service selects.
 */
class BlueGreenReleasesWithPrometheusTest extends RigTest {

  static final Duration STEP = Duration.ofSeconds(10);

  @Override
  ReleaseRig startRig(Path dir) throws Exception {
    ReleaseRig started = ReleaseRig.startWithBaseline(dir, 300, Map.of("FAULT_ERROR_RATE", "0.002"),
        ReleaseRig.withQuickLimits("aviary.releases.plan.strategy=blueGreen", "aviary.releases.plan.step-duration=" + STEP.toSeconds() + "s",
        "aviary.releases.plan.warm-window=2s", "aviary.releases.plan.ready-timeout=60s"));
    started.traffic().previewing(0.2);
    started.console("console-a");
    return started;
  }

  @Test
  void a_healthy_green_is_judged_on_its_preview_then_gets_all_users_in_one_switch_and_is_promoted() throws Exception {
    String name = rig.begin("1.1.0");
    Release done = rig.awaitFinished(name, Duration.ofSeconds(180));
    String v = done.spec().canaryVersion();

    assertThat(done.phase()).as(done.status().message()).isEqualTo(ReleasePhase.PROMOTED);
    assertThat(done.status().analyses()).extracting(AnalysisResult::where).containsExactly("preview", "100%");
    assertThat(rig.traffic().previewed(v).sent.get()).as("testers reached green on its preview").isPositive();
    Instant switched = done.status().events().stream().filter(e -> e.text().equals("switched: all traffic to " + v))
        .findFirst().orElseThrow().at();
    assertThat(rig.traffic().firstUserRequest(v)).as("no user request reached green before the switch")
        .hasValueSatisfying(first -> assertThat(first).isAfter(switched));
    assertThat(rig.git("log", "--format=%s", "--", "istio/webapi")).contains("webapi: release " + v
        + ": switch: all traffic to " + v + ", v1 stays up", "webapi: release " + v + ": step 1 of 2: preview " + v
        + " at webapi-preview");
    assertThat(rig.git("ls-tree", "-r", "--name-only", "HEAD", "--", "istio/webapi"))
        .as("the preview went with green").doesNotContain("preview.yaml");
    assertThat(rig.traffic().unroutable()).isZero();
    rig.retire(done);
  }

  @Test
  void a_faulty_green_is_rolled_back_from_its_preview_and_no_user_request_ever_reaches_it() throws Exception {
    String name = rig.begin("1.2.0-faulty");
    Release done = rig.awaitFinished(name, Duration.ofSeconds(120));
    String v = done.spec().canaryVersion();

    assertThat(done.phase()).as(done.status().message()).isEqualTo(ReleasePhase.ROLLED_BACK);
    assertThat(done.status().message()).startsWith(v + " failed analysis at preview: error ratio");
    assertThat(rig.traffic().previewed(v).failed.get()).as("green failed testers' calls").isPositive();
    assertThat(rig.traffic().tally(v).sent.get()).as("no user request went to green").isZero();
    assertThat(rig.git("log", "-1", "--format=%s", "--", "istio/webapi")).startsWith("webapi: rollback: " + v);
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
        assertThat(rig.traffic().route().preview()).as("the rollback took the preview away").isEmpty());
    rig.retire(done);
  }
}
