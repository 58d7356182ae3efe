package dev.aviary.console.release;

import dev.aviary.console.SignedIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Releases judged by a real Prometheus: real platform-app processes for the stable and canary versions, traffic
 * following the live routes, a console running the automation with 5-second steps. A canary failing 20% of its
 * requests is rolled back by itself; a healthy one is promoted; with Prometheus stopped the release pauses and says
 * why, and goes on once Prometheus is back and an operator resumes it.
 */
class ReleaseWithPrometheusTest {

  static final Duration STEP = Duration.ofSeconds(5);

  @TempDir
  static Path dir;
  static ReleaseRig rig;

  @BeforeAll
  static void startRig() throws Exception {
    rig = ReleaseRig.start(dir, 200, "aviary.releases.plan.steps=10,50,100",
        "aviary.releases.plan.step-duration=" + STEP.toSeconds() + "s",
        "aviary.releases.plan.warm-window=2s", "aviary.releases.plan.ready-timeout=60s");
    rig.console("console-a");
  }

  @AfterAll
  static void stopRig() {
    if (rig != null) {
      rig.close();
    }
  }

  @Test
  void a_canary_failing_a_fifth_of_its_requests_is_rolled_back_by_itself_with_the_figures_in_git() throws Exception {
    String name = rig.begin("1.2.0-faulty");
    Release done = rig.awaitFinished(name, Duration.ofSeconds(90));
    String v = done.spec().canaryVersion();

    assertThat(done.phase()).isEqualTo(ReleasePhase.ROLLED_BACK);
    assertThat(done.status().message()).startsWith(v + " failed analysis at 10%: success ratio");
    AnalysisResult failed = done.status().analyses().getLast();
    Check success = failed.checks().stream().filter(c -> c.metric().equals("success ratio")).findFirst().orElseThrow();
    // The true ratio is 0.8; rate() over a 5 s window of ~100 requests has been seen between 0.66 and 0.86.
    assertThat(success.canary()).as("measured by Prometheus from the canary's own counters").isBetween(0.5, 0.95);
    assertThat(success.passed()).isFalse();
    assertThat(rig.git("log", "-1", "--format=%an|%B", "--", "base/webapi"))
        .startsWith("Aviary|webapi: rollback: " + v + " failed analysis at 10%")
        .contains("Analysis at 10%").contains("success ratio").contains("<- broken");
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
        assertThat(rig.traffic().weights()).containsEntry("v1", 100).containsEntry(v, 0));
    rig.retire(done);
  }

  @Test
  void a_healthy_canary_is_promoted_after_every_step_passed_on_prometheus_figures() throws Exception {
    String name = rig.begin("1.1.0");
    Release done = rig.awaitFinished(name, Duration.ofSeconds(120));
    String v = done.spec().canaryVersion();

    assertThat(done.phase()).as(done.status().message()).isEqualTo(ReleasePhase.PROMOTED);
    assertThat(done.status().analyses()).extracting(AnalysisResult::weight).containsExactly(10, 50, 100);
    assertThat(done.status().analyses()).allSatisfy(a -> {
      assertThat(a.outcome()).isEqualTo(AnalysisResult.Outcome.SUCCESSFUL);
      assertThat(a.checks()).filteredOn(c -> c.metric().equals("success ratio")).singleElement()
          .satisfies(c -> assertThat(c.canary()).isEqualTo(1.0));
    });
    assertThat(rig.git("log", "-1", "--format=%an|%s", "--", "base/webapi"))
        .isEqualTo("Aviary|webapi: promote: remove canary webapi-" + v);
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
        assertThat(rig.traffic().weights()).containsEntry("v1", 100).doesNotContainKey(v));
    assertThat(rig.traffic().unroutable()).isZero();
    rig.retire(done);
  }

  @Test
  void with_prometheus_stopped_the_release_pauses_says_why_and_does_not_advance() throws Exception {
    String name = rig.begin("1.3.0");
    rig.await(name, r -> !r.status().analyses().isEmpty(), Duration.ofSeconds(60));
    rig.prometheus().close();
    Release paused;
    try {
      paused = rig.await(name, r -> r.phase() == ReleasePhase.PAUSED, Duration.ofSeconds(60));

      assertThat(paused.phase()).isEqualTo(ReleasePhase.PAUSED);
      assertThat(paused.status().message()).contains("could not measure").contains("cannot connect to Prometheus")
          .endsWith("not advancing until an operator resumes");
      assertThat(paused.status().analyses()).extracting(AnalysisResult::outcome)
          .startsWith(AnalysisResult.Outcome.SUCCESSFUL)
          .endsWith(AnalysisResult.Outcome.ERROR, AnalysisResult.Outcome.ERROR, AnalysisResult.Outcome.ERROR);
      int weight = paused.status().weight();
      await().during(STEP.multipliedBy(2)).atMost(STEP.multipliedBy(3)).untilAsserted(() -> {
        Release still = rig.releases().release(name).orElseThrow();
        assertThat(still.phase()).isEqualTo(ReleasePhase.PAUSED);
        assertThat(still.status().weight()).isEqualTo(weight);
      });
    } finally {
      rig.prometheus().restart();
    }

    SignedIn.as(SignedIn.demo("operator"));
    try {
      rig.releases().resume(name, "Prometheus is back").get();
    } finally {
      SignedIn.out();
    }
    Release done = rig.awaitFinished(name, Duration.ofSeconds(120));
    assertThat(done.phase()).as(done.status().message()).isEqualTo(ReleasePhase.PROMOTED);
    rig.retire(done);
  }
}
