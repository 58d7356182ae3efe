package dev.aviary.console.release;

import dev.aviary.console.analysis.AnalysisLimits;
import dev.aviary.console.analysis.AnalysisResult;
import dev.aviary.console.analysis.ExpectedTraffic;
import dev.aviary.console.analysis.Judgment;
import dev.aviary.console.analysis.Measurements;
import dev.aviary.console.metrics.Reading;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The release state machine tick by tick, a second a tick, against an in-memory world, with the fixed-window judge
 * (its steps, steering and pauses; {@link SequentialStepTest} holds what the sequential judge changes).
 */
class ReleaseMachineTest {

  static final Instant START = Instant.parse("2026-11-22T10:00:00Z");
  static final ReleasePlan PLAN = plan(judgedBy(Judgment.Method.WINDOW));

  static ReleasePlan plan(AnalysisLimits limits) {
    return plan(ReleasePlan.weights(List.of(5, 10, 25, 50, 100)), limits);
  }

  static ReleasePlan plan(List<PlanStep> steps, AnalysisLimits limits) {
    return new ReleasePlan(steps, Duration.ofSeconds(30), limits, Duration.ofMinutes(2), Duration.ofMinutes(5));
  }

  static AnalysisLimits judgedBy(Judgment.Method method) {
    Judgment j = Judgment.DEFAULTS;
    return judgedBy(new Judgment(method, j.alpha(), j.warmUp(), j.decisionTimeout()));
  }

  /** The default limits, judged as {@code judgment} says. */
  static AnalysisLimits judgedBy(Judgment judgment) {
    AnalysisLimits d = AnalysisLimits.DEFAULTS;
    return new AnalysisLimits(d.minSuccessRatio(), d.maxP99Millis(), d.minRequests(), d.maxSuccessDrop(),
        d.maxLatencyFactor(), d.latencySlackMillis(), d.failureLimit(), d.inconclusiveLimit(), d.errorLimit(),
        judgment);
  }

  final FakeReleaseWorld world = new FakeReleaseWorld();
  final ReleaseMachine machine = new ReleaseMachine(world);
  Release release = new Release("prod", "webapi-v2", "1", spec(null), null);
  Instant now = START;

  static ReleaseSpec spec(Steering steering) {
    return new ReleaseSpec("webapi", "v1", "v2", "platform-app:1.1.0", PLAN, "Ada Admin <ada@example.com>",
        steering);
  }

  ReleaseStatus tick() {
    release = release.withStatus(machine.step(release, now));
    now = now.plusSeconds(1);
    return release.status();
  }

  ReleaseStatus tickUntil(Predicate<ReleaseStatus> done, int maxTicks) {
    for (int i = 0; i < maxTicks; i++) {
      if (done.test(tick())) {
        return release.status();
      }
    }
    throw new AssertionError("not reached in " + maxTicks + " ticks; status " + release.status());
  }

  void steer(Steering.Action action, Integer weight) {
    release = new Release("prod", "webapi-v2", "2", spec(new Steering(action, "Otto Operator <otto@example.com>",
        now, "looks odd", weight)), release.status());
  }

  @Test
  void a_healthy_canary_goes_through_every_step_and_is_promoted_each_change_a_commit() {
    ReleaseStatus done = tickUntil(s -> s.phase() == ReleasePhase.PROMOTED, 400);

    assertThat(world.commits).containsExactly("weight 5", "weight 10", "weight 25", "weight 50", "weight 100",
        "adopt", "weight 0", "remove canary");
    assertThat(done.analyses()).extracting(AnalysisResult::weight).containsExactly(5, 10, 25, 50, 100);
    assertThat(done.analyses()).allMatch(a -> a.outcome() == AnalysisResult.Outcome.SUCCESSFUL);
    assertThat(done.promotionCommit()).isEqualTo("c6");
    assertThat(done.events().getFirst().actor()).isEqualTo("Ada Admin <ada@example.com>");
    assertThat(tick()).isEqualTo(done);
  }

  @Test
  void a_mirror_step_then_a_header_step_then_weights_each_route_once_and_are_judged_before_the_next() {
    ReleasePlan plan = plan(List.of(PlanStep.of("mirror:20"), PlanStep.of("header:x-aviary-canary=always"),
        PlanStep.of(50), PlanStep.of(100)), judgedBy(Judgment.Method.WINDOW));
    release = new Release("prod", "webapi-v2", "1", new ReleaseSpec("webapi", "v1", "v2", "platform-app:1.1.0", plan,
        "Ada", null), null);

    ReleaseStatus mirroring = tickUntil(s -> world.mirrored == 20, 5);
    assertThat(mirroring.weight()).as("users only get the stable's answers while mirroring").isZero();
    assertThat(mirroring.message()).isEqualTo("running mirror 20% for 30s");
    assertThat(mirroring.trafficSince()).isNotNull();
    ReleaseStatus matching = tickUntil(s -> !world.matched.isEmpty(), 40);
    assertThat(matching.analyses()).extracting(AnalysisResult::weight).containsExactly(0);
    assertThat(world.mirrored).as("the step after a mirror stops it first").isZero();
    ReleaseStatus done = tickUntil(s -> s.phase() == ReleasePhase.PROMOTED, 400);

    assertThat(world.commits).containsExactly("mirror 20", "mirror 0", "match header:x-aviary-canary=always",
        "weight 50", "weight 100", "adopt", "weight 0", "remove canary");
    assertThat(done.analyses()).extracting(AnalysisResult::weight).containsExactly(0, 0, 50, 100);
    assertThat(done.events()).extracting(ReleaseEvent::text).contains("step 1: 20% of traffic mirrored to v2",
        "step 2: requests with header x-aviary-canary=always to v2");
  }

  @Test
  void a_rollback_during_a_header_step_takes_the_route_away_with_the_weight() {
    ReleasePlan plan = plan(List.of(PlanStep.of("header:x-aviary-canary=always"), PlanStep.of(100)),
        judgedBy(Judgment.Method.WINDOW));
    release = new Release("prod", "webapi-v2", "1", new ReleaseSpec("webapi", "v1", "v2", "platform-app:1.1.0", plan,
        "Ada", null), null);
    tickUntil(s -> !world.matched.isEmpty(), 5);
    world.measurements = () -> ExpectedTraffic.measured(0.2, 80, 200);

    ReleaseStatus rolledBack = tickUntil(s -> s.phase() == ReleasePhase.ROLLED_BACK, 200);

    assertThat(world.matched).isEmpty();
    assertThat(world.commits.getLast()).startsWith("rollback: v2 failed analysis at header x-aviary-canary=always");
    assertThat(rolledBack.weight()).isZero();
  }

  @Test
  void plans_refuse_steps_that_would_let_users_share_a_mirrored_canary_or_that_do_not_end_at_100() {
    AnalysisLimits limits = judgedBy(Judgment.Method.WINDOW);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> plan(List.of(PlanStep.of(10), PlanStep.of("mirror:20"),
        PlanStep.of(100)), limits)).hasMessageContaining("mirror steps must come before any weight step");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> plan(List.of(PlanStep.of("mirror:20")), limits))
        .hasMessageContaining("must end at a weight of 100");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> plan(List.of(PlanStep.of(50), PlanStep.of(10),
        PlanStep.of(100)), limits)).hasMessageContaining("rise strictly");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> PlanStep.of("canary:x=1"))
        .hasMessageContaining("must be a weight (5), a request match");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> PlanStep.of("mirror:0"))
        .hasMessage("a mirror step must copy 1 to 100 percent, got 0");
  }

  @Test
  void each_step_runs_its_full_duration_before_it_is_judged() {
    tickUntil(s -> s.weight() == 5, 5);
    Instant weightSet = now.minusSeconds(1);
    ReleaseStatus judged = tickUntil(s -> !s.analyses().isEmpty(), 60);

    assertThat(judged.analyses().getFirst().at()).isEqualTo(weightSet.plus(PLAN.stepDuration()));
  }

  @Test
  void the_previous_version_stays_warm_for_the_window_before_the_stable_takes_the_new_template() {
    tickUntil(s -> s.phase() == ReleasePhase.WARM, 400);
    Instant warmFrom = now.minusSeconds(1);

    ReleaseStatus adopting = tickUntil(s -> s.phase() == ReleasePhase.ADOPTING, 400);

    assertThat(now.minusSeconds(1)).isEqualTo(warmFrom.plus(PLAN.warmWindow()));
    assertThat(world.adopted).isFalse();
    world.stableRolledOut = false;
    tickUntil(s -> s.phase() == ReleasePhase.STABLE_ROLLOUT, 3);
    assertThat(tick().message()).isEqualTo("1 of 2 pods updated");
    world.stableRolledOut = true;
    assertThat(tickUntil(s -> s.phase() == ReleasePhase.PROMOTED, 5).weight()).isZero();
    assertThat(adopting.message()).isEqualTo("the stable Deployment takes the canary's template");
  }

  @Test
  void rollback_happens_when_canary_error_rate_exceeds_limit() {
    tickUntil(s -> s.weight() == 10, 100);
    world.measurements = () -> ExpectedTraffic.measured(0.2, 90, 20);

    ReleaseStatus done = tickUntil(s -> s.phase().finished(), 100);

    assertThat(done.phase()).isEqualTo(ReleasePhase.ROLLED_BACK);
    assertThat(done.message()).startsWith("v2 failed analysis at 10%: success ratio 80.00%, limit >= 99.00%");
    assertThat(world.commits.getLast()).startsWith("rollback: v2 failed analysis at 10%")
        .contains("- success ratio 80.00%, limit >= 99.00% (stable 99.90%)  <- broken");
    assertThat(world.gitWeight).isZero();
    assertThat(world.canaryScaledDown).isTrue();
  }

  @Test
  void no_data_pauses_the_release_after_the_inconclusive_limit_and_it_never_promotes() {
    Reading none = new Reading.NoData("no requests routed to this version");
    world.measurements = () -> new Measurements(Duration.ofSeconds(30), new Measurements.Version(none, none, none),
        new Measurements.Version(new Reading.Value(0), new Reading.Value(70), new Reading.Value(300)));

    ReleaseStatus paused = tickUntil(s -> s.phase() == ReleasePhase.PAUSED, 200);

    assertThat(paused.analyses()).hasSize(3).allMatch(a -> a.outcome() == AnalysisResult.Outcome.INCONCLUSIVE);
    assertThat(paused.message()).startsWith("3 inconclusive analyses in a row at 5%")
        .endsWith("not advancing until an operator resumes");
    for (int i = 0; i < 300; i++) {
      assertThat(tick().phase()).isEqualTo(ReleasePhase.PAUSED);
    }
    assertThat(world.commits).containsExactly("weight 5");
  }

  @Test
  void prometheus_errors_pause_the_release_and_a_resume_measures_the_same_step_again() {
    tickUntil(s -> s.weight() == 25, 200);
    world.measurements = () -> new Measurements(Duration.ofSeconds(30), failed(), failed());

    ReleaseStatus paused = tickUntil(s -> s.phase() == ReleasePhase.PAUSED, 200);
    assertThat(paused.message()).startsWith("3 analyses in a row could not measure at 25%: could not measure: "
        + "cannot connect to Prometheus");
    world.measurements = () -> ExpectedTraffic.healthy(200);
    steer(Steering.Action.RESUME, null);

    ReleaseStatus resumed = tick();
    assertThat(resumed.phase()).isEqualTo(ReleasePhase.PROGRESSING);
    assertThat(resumed.weight()).isEqualTo(25);
    assertThat(tickUntil(s -> s.weight() == 50, 100).analyses().getLast().outcome())
        .isEqualTo(AnalysisResult.Outcome.SUCCESSFUL);
  }

  private static Measurements.Version failed() {
    Reading down = new Reading.Failed("cannot connect to Prometheus at http://127.0.0.1:9090");
    return new Measurements.Version(down, down, down);
  }

  @Test
  void an_operator_moving_the_weight_pauses_the_plan_which_continues_above_it_when_resumed() {
    tickUntil(s -> s.weight() == 10, 100);
    world.gitWeight = 30;
    steer(Steering.Action.SET_WEIGHT, 30);

    ReleaseStatus paused = tick();
    assertThat(paused.phase()).isEqualTo(ReleasePhase.PAUSED);
    assertThat(paused.message()).isEqualTo("Otto Operator <otto@example.com> moved the canary to 30%: looks odd");
    assertThat(paused.events().getLast().actor()).isEqualTo("Otto Operator <otto@example.com>");

    steer(Steering.Action.RESUME, null);
    tick();
    assertThat(tick().weight()).isEqualTo(50);
    assertThat(world.commits).endsWith("weight 50");
  }

  @Test
  void a_weight_changed_outside_the_release_pauses_it() {
    tickUntil(s -> s.weight() == 10, 100);
    world.liveWeight = 40;

    ReleaseStatus paused = tickUntil(s -> s.phase() == ReleasePhase.PAUSED, 10);

    assertThat(paused.weight()).isEqualTo(40);
    assertThat(paused.message()).startsWith("the canary's weight was changed to 40% outside the release");
  }

  @Test
  void promote_now_skips_the_remaining_steps() {
    tickUntil(s -> s.weight() == 10, 100);
    steer(Steering.Action.PROMOTE, null);

    assertThat(tick().phase()).isEqualTo(ReleasePhase.PROMOTING);
    assertThat(tick().weight()).isEqualTo(100);
    assertThat(world.commits).containsExactly("weight 5", "weight 10", "weight 100");
  }

  @Test
  void abort_rolls_back_at_once_and_is_acted_on_only_once() {
    tickUntil(s -> s.weight() == 25, 200);
    steer(Steering.Action.ABORT, null);

    tick();
    ReleaseStatus done = tick();

    assertThat(done.phase()).isEqualTo(ReleasePhase.ROLLED_BACK);
    assertThat(done.message()).isEqualTo("aborted by Otto Operator <otto@example.com>: looks odd");
    assertThat(world.commits.getLast()).startsWith("rollback: aborted by Otto Operator");
    int commits = world.commits.size();
    tick();
    assertThat(world.commits).hasSize(commits);
  }

  @Test
  void a_canary_that_never_becomes_ready_is_rolled_back_after_the_ready_timeout() {
    world.canaryReady = false;

    ReleaseStatus done = tickUntil(s -> s.phase().finished(), 400);

    assertThat(done.phase()).isEqualTo(ReleasePhase.ROLLED_BACK);
    assertThat(done.message()).isEqualTo("the canary was not ready within 5m: 0 of 2 pods ready");
  }

  @Test
  void a_step_repeated_from_a_stale_status_makes_no_second_commit() {
    tickUntil(s -> s.weight() == 10, 100);
    Release beforeStored = new Release("prod", "webapi-v2", "1", release.spec(),
        release.status().weight(5, now.minusSeconds(1)));

    ReleaseStatus again = machine.step(beforeStored, now);

    assertThat(again.weight()).isEqualTo(10);
    assertThat(world.commits).containsExactly("weight 5", "weight 10");
    assertThat(again.events().getLast().commit()).isEmpty();
  }
}
