package dev.aviary.console.release;

import dev.aviary.console.analysis.AnalysisLimits;
import dev.aviary.console.analysis.AnalysisResult.Outcome;
import dev.aviary.console.analysis.AnalysisResult;
import dev.aviary.console.analysis.CanaryCounts;
import dev.aviary.console.analysis.Check;
import dev.aviary.console.analysis.ExpectedTraffic;
import dev.aviary.console.analysis.Findings;
import dev.aviary.console.analysis.Judgment;
import dev.aviary.console.analysis.Look;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** The release state machine under the sequential judge, tick by tick, a second a tick, against an in-memory world. */
class SequentialStepTest {

  static final ReleasePlan PLAN = ReleaseMachineTest.plan(ReleaseMachineTest.judgedBy(Judgment.Method.SEQUENTIAL));

  final FakeReleaseWorld world = new FakeReleaseWorld();
  final ReleaseMachine machine = new ReleaseMachine(world);
  Release release = new Release("prod", "webapi-v2", "1", new ReleaseSpec("webapi", "v1", "v2",
      "platform-app:1.1.0", PLAN, "Ada Admin <ada@example.com>", null), null);
  Instant now = ReleaseMachineTest.START;
  final List<ReleaseStatus> stored = new ArrayList<>();

  ReleaseStatus tick() {
    ReleaseStatus next = machine.step(release, now);
    if (!next.equals(release.status())) {
      stored.add(next);
    }
    release = release.withStatus(next);
    now = now.plusSeconds(1);
    return next;
  }

  ReleaseStatus tickUntil(Predicate<ReleaseStatus> done, int maxTicks) {
    for (int i = 0; i < maxTicks; i++) {
      if (done.test(tick())) {
        return release.status();
      }
    }
    throw new AssertionError("not reached in " + maxTicks + " ticks; status " + release.status());
  }

  @Test
  void a_healthy_canary_passes_each_step_once_its_time_is_up_and_every_check_is_shown_to_hold() {
    ReleaseStatus done = tickUntil(s -> s.phase() == ReleasePhase.PROMOTED, 600);

    assertThat(world.commits).startsWith("weight 5", "weight 10", "weight 25", "weight 50", "weight 100");
    assertThat(done.analyses()).extracting(AnalysisResult::weight).containsExactly(5, 10, 25, 50, 100);
    assertThat(done.analyses()).allSatisfy(a -> {
      assertThat(a.outcome()).isEqualTo(Outcome.SUCCESSFUL);
      assertThat(a.checks()).allSatisfy(c -> assertThat(c.evidence().verdict()).isEqualTo(Check.Verdict.FINE));
    });
    // At 20 requests a second the first step needs more than its 30 s to show an error ratio under 1%; later steps
    // start with that evidence and pass when their time is up.
    Duration first = Duration.between(done.trafficSince(), done.analyses().getFirst().at());
    assertThat(first).isGreaterThan(PLAN.stepDuration());
    assertThat(Duration.between(done.analyses().get(0).at(), done.analyses().get(1).at()))
        .isLessThanOrEqualTo(PLAN.stepDuration().plusSeconds(2));
  }

  @Test
  void a_clear_regression_rolls_back_within_seconds_without_waiting_for_the_step_to_end() {
    world.counts = (counted, timed) -> ExpectedTraffic.counting(counted, timed, 0.2, 20);

    ReleaseStatus done = tickUntil(s -> s.phase() == ReleasePhase.ROLLED_BACK, 60);

    Instant weighted = done.trafficSince();
    assertThat(done.analyses().getLast().at()).isBefore(weighted.plusSeconds(5));
    assertThat(done.message()).startsWith("v2 failed analysis at 5%: error ratio shown broken: 20.00%, limit <= 1.00%, ");
    assertThat(world.commits).hasSize(2).first().isEqualTo("weight 5");
    assertThat(world.commits.getLast()).startsWith("rollback: v2 failed analysis at 5%");
    assertThat(Findings.report(done.analyses().getLast())).contains("evidence").contains("<- broken");
  }

  @Test
  void too_little_evidence_holds_the_step_past_its_time_and_pauses_at_the_decision_timeout() {
    world.counts = (counted, timed) -> ExpectedTraffic.counting(counted, timed, 0.001, 0.1);

    ReleaseStatus held = tickUntil(s -> s.since().plus(PLAN.stepDuration()).plusSeconds(30).isBefore(now), 120);
    assertThat(held.phase()).isEqualTo(ReleasePhase.PROGRESSING);
    assertThat(held.weight()).isEqualTo(5);
    assertThat(held.message()).startsWith("running 5%: not decided yet: error ratio vs stable: ");
    assertThat(world.commits).containsExactly("weight 5");

    ReleaseStatus paused = tickUntil(s -> s.phase() == ReleasePhase.PAUSED, 1900);
    assertThat(paused.message()).startsWith("no decision within 30m at 5%: not decided yet");
    assertThat(Duration.between(paused.trafficSince(), paused.since()))
        .isGreaterThanOrEqualTo(PLAN.stepDuration().plusMinutes(30));
  }

  @Test
  void the_latest_look_is_stored_every_few_seconds_not_on_every_tick() {
    world.counts = (counted, timed) -> ExpectedTraffic.counting(counted, timed, 0.001, 0.1);
    for (int i = 0; i < 60; i++) {
      tick();
    }

    assertThat(stored).hasSizeBetween(60 / 5, 60 / 5 + 3);
    assertThat(release.status().evidence().outcome()).isEqualTo(Outcome.INCONCLUSIVE);
    assertThat(release.status().trail()).hasSizeBetween(60 / 5 - 1, 60 / 5 + 3)
        .allSatisfy(look -> assertThat(look.evidence()).isBetween(0.0, 1.0));
    assertThat(release.status().trail()).extracting(Look::canaryRequests).isSorted();
  }

  @Test
  void a_long_release_keeps_its_whole_trail_at_a_coarser_grain() {
    List<Look> trail = List.of();
    for (int i = 0; i < 1000; i++) {
      trail = Look.append(trail, new Look(now.plusSeconds(5L * i), i, 0, i, 0, 0));
    }

    assertThat(trail).hasSizeLessThanOrEqualTo(Look.KEPT);
    assertThat(trail.getFirst().canaryRequests()).isZero();
    assertThat(trail.getLast().canaryRequests()).isEqualTo(999);
  }

  @Test
  void counts_that_cannot_be_read_pause_after_several_looks_but_one_failed_look_does_not() {
    tickUntil(s -> s.weight() == 5, 10);
    world.counts = (counted, timed) -> CanaryCounts.failed("Prometheus at http://p:9090: timed out");
    tick();
    world.counts = (counted, timed) -> ExpectedTraffic.counting(counted, timed, 0.001, 20);
    for (int i = 0; i < 10; i++) {
      assertThat(tick().phase()).isEqualTo(ReleasePhase.PROGRESSING);
    }

    world.counts = (counted, timed) -> CanaryCounts.failed("Prometheus at http://p:9090: timed out");
    ReleaseStatus paused = tickUntil(s -> s.phase() == ReleasePhase.PAUSED, 30);

    assertThat(paused.message()).startsWith("3 looks in a row could not measure at 5%: could not measure: Prometheus");
  }

  @Test
  void latency_is_counted_from_the_end_of_the_warm_up() {
    Judgment j = Judgment.DEFAULTS;
    AnalysisLimits warm = ReleaseMachineTest.judgedBy(new Judgment(j.method(), j.alpha(), Duration.ofSeconds(20),
        j.decisionTimeout()));
    release = new Release("prod", "webapi-v2", "1", new ReleaseSpec("webapi", "v1", "v2", "platform-app:1.1.0",
        ReleaseMachineTest.plan(warm), "Ada Admin <ada@example.com>", null), null);
    List<Duration[]> asked = new ArrayList<>();
    world.counts = (counted, timed) -> {
      asked.add(new Duration[] {counted, timed});
      return ExpectedTraffic.counting(counted, timed, 0.001, 20);
    };

    for (int i = 0; i < 40; i++) {
      tick();
    }

    assertThat(asked).isNotEmpty().allSatisfy(a -> assertThat(a[1]).isEqualTo(a[0].minusSeconds(20)));
  }
}
