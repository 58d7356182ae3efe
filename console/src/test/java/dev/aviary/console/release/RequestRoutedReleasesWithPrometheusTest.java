package dev.aviary.console.release;

import dev.aviary.console.analysis.AnalysisResult;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Releases whose plan mirrors traffic, then routes marked requests, before it moves weight
 * ({@code mirror:50, header:x-aviary-canary=always, 50, 100}), judged by a real Prometheus on real platform-app
 * processes, with the traffic driver doing what the mesh would with the live VirtualService: 5% of its requests
 * carry {@code x-aviary-canary: always}, mirrors are copied and their answers dropped.
 */
class RequestRoutedReleasesWithPrometheusTest extends RigTest {

  /** Long enough that the header step outlasts the look at who its requests came from. */
  static final Duration STEP = Duration.ofSeconds(10);

  @Override
  ReleaseRig startRig(Path dir) throws Exception {
    ReleaseRig started = ReleaseRig.startWithBaseline(dir, 300, Map.of("FAULT_ERROR_RATE", "0.002"),
        "aviary.releases.plan.strategy=mirroredCanary",
        "aviary.releases.plan.mirrored-steps=mirror:50,header:x-aviary-canary=always,50,100",
        "aviary.releases.plan.step-duration=" + STEP.toSeconds() + "s", "aviary.releases.plan.warm-window=2s",
        "aviary.releases.plan.ready-timeout=60s");
    started.traffic().marked(0.05, Map.of("x-aviary-canary", "always"));
    started.console("console-a");
    return started;
  }

  @Test
  void a_mirrored_faulty_canary_is_rolled_back_while_no_user_request_reached_it() throws Exception {
    String name = rig.begin("1.2.0-faulty");
    Release done = rig.awaitFinished(name, Duration.ofSeconds(120));
    String v = done.spec().canaryVersion();

    assertThat(done.phase()).as(done.status().message()).isEqualTo(ReleasePhase.ROLLED_BACK);
    assertThat(done.status().message()).startsWith(v + " failed analysis at mirror 50%: error ratio");
    assertThat(done.status().analyses()).singleElement();
    assertThat(rig.traffic().mirrored(v).sent.get()).as("the canary served mirrored requests").isPositive();
    assertThat(rig.traffic().mirrored(v).failed.get()).as("and failed some of them").isPositive();
    assertThat(rig.traffic().tally(v).sent.get()).as("no user request went to the mirrored canary").isZero();
    assertThat(rig.git("log", "-1", "--format=%s", "--", "istio/webapi")).startsWith("webapi: rollback: " + v);
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
      assertThat(rig.traffic().route().mirror()).as("the rollback took the mirror away").isEmpty();
      assertThat(rig.traffic().route().matched()).isEmpty();
    });
    rig.retire(done);
  }

  @Test
  void a_header_step_sends_exactly_the_marked_requests_to_the_canary_and_a_healthy_one_is_promoted()
      throws Exception {
    String name = rig.begin("1.1.0");
    rig.await(name, r -> r.status() != null && r.status().stepIndex() == 1 && !r.status().routed().isEmpty(),
        Duration.ofSeconds(120));
    String v = rig.releases().release(name).orElseThrow().spec().canaryVersion();
    await().atMost(Duration.ofSeconds(5)).until(() -> !rig.traffic().route().matched().isEmpty());
    long unmarkedBefore = rig.traffic().unmarked(v).sent.get();
    long markedBefore = rig.traffic().marked(v).sent.get();
    long markedToStableBefore = rig.traffic().marked("v1").sent.get();
    await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).untilAsserted(() -> {
      assertThat(rig.traffic().unmarked(v).sent.get()).as("no unmarked user request reaches the canary")
          .isEqualTo(unmarkedBefore);
      assertThat(rig.traffic().marked("v1").sent.get()).as("and no marked request goes to stable")
          .isEqualTo(markedToStableBefore);
    });

    assertThat(rig.releases().release(name).orElseThrow().status().stepIndex()).as("still the header step")
        .isEqualTo(1);
    assertThat(rig.traffic().marked(v).sent.get() - markedBefore).as("marked requests reach the canary")
        .isPositive();

    Release done = rig.awaitFinished(name, Duration.ofSeconds(240));
    assertThat(done.phase()).as(done.status().message()).isEqualTo(ReleasePhase.PROMOTED);
    assertThat(done.status().analyses()).extracting(AnalysisResult::weight).containsExactly(0, 0, 50, 100);
    assertThat(rig.traffic().unroutable()).isZero();
    rig.retire(done);
  }
}
