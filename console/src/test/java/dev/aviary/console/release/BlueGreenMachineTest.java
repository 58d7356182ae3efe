package dev.aviary.console.release;

import dev.aviary.console.analysis.AnalysisLimits;
import dev.aviary.console.analysis.AnalysisResult;
import dev.aviary.console.analysis.ExpectedTraffic;
import dev.aviary.console.analysis.Judgment;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Blue-green releases tick by tick against an in-memory world: green judged on its preview while users stay on blue,
 * one commit to switch, blue warm for the window so switching back is one commit too, then the usual ending.
 */
class BlueGreenMachineTest {

  static final ReleasePlan PLAN = ReleaseMachineTest.plan(ReleaseStrategy.BLUE_GREEN_STEPS,
      ReleaseMachineTest.judgedBy(Judgment.Method.WINDOW));

  final FakeReleaseWorld world = new FakeReleaseWorld();
  final ReleaseMachine machine = new ReleaseMachine(world);
  Release release = new Release("prod", "webapi-v2", "1", spec(null), null);
  java.time.Instant now = ReleaseMachineTest.START;
  int highestUserWeight;

  static ReleaseSpec spec(Steering steering) {
    return new ReleaseSpec("webapi", "v1", "v2", "platform-app:1.1.0", PLAN, "Ada Admin <ada@example.com>",
        steering);
  }

  ReleaseStatus tickUntil(Predicate<ReleaseStatus> done, int maxTicks) {
    for (int i = 0; i < maxTicks; i++) {
      release = release.withStatus(machine.step(release, now));
      now = now.plusSeconds(1);
      highestUserWeight = Math.max(highestUserWeight, world.gitWeight);
      if (done.test(release.status())) {
        return release.status();
      }
    }
    throw new AssertionError("not reached in " + maxTicks + " ticks; status " + release.status());
  }

  @Test
  void a_healthy_green_is_judged_on_its_preview_then_switched_in_one_commit_and_judged_again() {
    ReleaseStatus previewing = tickUntil(s -> world.previewed, 5);
    assertThat(previewing.message()).isEqualTo("running preview for 30s");
    assertThat(previewing.events().getLast().text())
        .isEqualTo("step 1: v2 answers at webapi-preview, users stay on v1");
    assertThat(world.gitWeight).isZero();

    ReleaseStatus switched = tickUntil(s -> world.gitWeight == 100, 40);
    assertThat(switched.analyses()).extracting(AnalysisResult::where).containsExactly("preview");
    assertThat(switched.events().getLast().text()).isEqualTo("switched: all traffic to v2");
    assertThat(world.whys.getLast()).isEqualTo("switch: all traffic to v2, v1 stays up");
    assertThat(new Release("prod", "webapi-v2", "2", release.spec(), switched).abortLabel()).isEqualTo("Switch back");

    ReleaseStatus done = tickUntil(s -> s.phase() == ReleasePhase.PROMOTED, 400);
    assertThat(world.commits).containsExactly("preview", "weight 100", "adopt", "weight 0", "remove canary");
    assertThat(done.analyses()).extracting(AnalysisResult::where).containsExactly("preview", "100%");
    assertThat(world.previewed).as("the preview goes with the green Deployment").isFalse();
  }

  @Test
  void a_faulty_green_is_rolled_back_from_its_preview_and_no_user_request_ever_reaches_it() {
    world.measurements = () -> ExpectedTraffic.measured(0.2, 80, 20);

    ReleaseStatus done = tickUntil(s -> s.phase().finished(), 200);

    assertThat(done.phase()).isEqualTo(ReleasePhase.ROLLED_BACK);
    assertThat(done.message()).startsWith("v2 failed analysis at preview: ");
    assertThat(highestUserWeight).isZero();
    assertThat(world.commits).hasSize(2).first().isEqualTo("preview");
    assertThat(world.commits.getLast()).startsWith("rollback: v2 failed analysis at preview");
    assertThat(world.previewed).isFalse();
  }

  @Test
  void switching_back_while_blue_is_warm_is_one_commit_that_gives_blue_all_traffic() {
    tickUntil(s -> s.phase() == ReleasePhase.WARM, 200);
    int commits = world.commits.size();
    release = new Release("prod", "webapi-v2", "2", spec(new Steering(Steering.Action.ABORT,
        "Otto Operator <otto@example.com>", now, "checkout errors", null)), release.status());
    assertThat(release.abortLabel()).isEqualTo("Switch back");

    ReleaseStatus done = tickUntil(s -> s.phase().finished(), 5);

    assertThat(done.phase()).isEqualTo(ReleasePhase.ROLLED_BACK);
    assertThat(world.commits).hasSize(commits + 1);
    assertThat(world.commits.getLast()).startsWith("rollback: aborted by Otto Operator");
    assertThat(world.gitWeight).isZero();
    assertThat(world.adopted).as("blue never took green's template").isFalse();
  }

  @Test
  void a_preview_step_belongs_only_to_a_blue_green_plan_of_preview_then_100() {
    AnalysisLimits limits = ReleaseMachineTest.judgedBy(Judgment.Method.WINDOW);
    for (List<PlanStep> steps : List.of(List.of(PlanStep.of("preview"), PlanStep.of(50), PlanStep.of(100)),
        List.of(PlanStep.of(10), PlanStep.of("preview"), PlanStep.of(100)),
        List.of(PlanStep.of("mirror:20"), PlanStep.of("preview"), PlanStep.of(100)))) {
      assertThatThrownBy(() -> ReleaseMachineTest.plan(steps, limits))
          .hasMessageStartingWith("a preview step makes a blue-green release, whose steps are exactly [preview, 100]");
    }
    assertThat(PLAN.strategy()).isEqualTo(ReleaseStrategy.BLUE_GREEN);
    assertThat(ReleaseMachineTest.plan(List.of(PlanStep.of("mirror:20"), PlanStep.of(100)), limits).strategy())
        .isEqualTo(ReleaseStrategy.MIRRORED_CANARY);
    assertThat(ReleaseMachineTest.PLAN.strategy()).isEqualTo(ReleaseStrategy.CANARY);
  }
}
