package dev.aviary.console.release;

import dev.aviary.console.analysis.ExpectedTraffic;
import dev.aviary.console.notifications.Notice;
import dev.aviary.console.notifications.NoticeKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The notices a release's steps give, driven tick by tick through the real state machine. */
class ReleaseNoticesTest {

  final FakeReleaseWorld world = new FakeReleaseWorld();
  final ReleaseMachine machine = new ReleaseMachine(world);
  Release release = new Release("prod", "webapi-v2", "1", ReleaseMachineTest.spec(null), null);
  Instant now = ReleaseMachineTest.START;
  final List<Notice> told = new ArrayList<>();

  void ticks(int count) {
    for (int i = 0; i < count; i++) {
      ReleaseStatus next = machine.step(release, now);
      ReleaseNotices.of(release, next, path -> "https://aviary.example" + path).ifPresent(told::add);
      release = release.withStatus(next);
      now = now.plusSeconds(1);
    }
  }

  @Test
  void a_healthy_release_tells_that_it_started_and_that_it_was_promoted_and_nothing_in_between() {
    ticks(400);

    assertThat(told).extracting(Notice::kind).containsExactly(NoticeKind.RELEASE_STARTED,
        NoticeKind.RELEASE_PROMOTED);
    Notice started = told.getFirst();
    assertThat(started.title()).isEqualTo("webapi: release webapi-v2 started");
    assertThat(started.text())
        .isEqualTo("platform-app:1.1.0 as v2, replacing v1; canary plan 5% → 10% → 25% → 50% → 100%");
    assertThat(started.actor()).isEqualTo("Ada Admin <ada@example.com>");
    assertThat(started.link()).isEqualTo("https://aviary.example/releases");
    assertThat(told.getLast().title()).isEqualTo("webapi: release webapi-v2 promoted");
  }

  @Test
  void a_rollback_is_told_with_the_analysis_figures_and_its_commit() {
    ticks(2);
    world.measurements = () -> ExpectedTraffic.measured(0.2, 90, 20);
    ticks(60);

    Notice rolledBack = told.getLast();
    assertThat(rolledBack.kind()).isEqualTo(NoticeKind.RELEASE_ROLLED_BACK);
    assertThat(rolledBack.actor()).isEqualTo(ReleaseEvent.CONTROLLER);
    assertThat(rolledBack.text()).startsWith("v2 failed analysis at 5%: success ratio");
    assertThat(rolledBack.figures().getFirst()).isEqualTo("Analysis at 5%: FAILED");
    assertThat(rolledBack.figures()).anySatisfy(f -> assertThat(f).startsWith("success ratio 80.00%")
        .endsWith("<- broken"));
    assertThat(rolledBack.figures().getLast()).isEqualTo("rollback commit c" + world.commits.size());
    assertThat(rolledBack.id()).isEqualTo("webapi-v2/release-rolled-back/" + rolledBack.at());
  }

  @Test
  void an_operator_pausing_and_resuming_is_told_with_who_and_why() {
    ticks(3);
    release = new Release("prod", "webapi-v2", "2", ReleaseMachineTest.spec(new Steering(Steering.Action.PAUSE,
        "Otto Operator <otto@example.com>", now, "looks odd", null)), release.status());
    ticks(1);
    release = new Release("prod", "webapi-v2", "3", ReleaseMachineTest.spec(new Steering(Steering.Action.RESUME,
        "Otto Operator <otto@example.com>", now, "fine now", null)), release.status());
    ticks(1);

    assertThat(told).extracting(Notice::kind).containsExactly(NoticeKind.RELEASE_STARTED, NoticeKind.RELEASE_PAUSED,
        NoticeKind.RELEASE_RESUMED);
    assertThat(told.get(1).text()).isEqualTo("paused by Otto Operator <otto@example.com>: looks odd");
    assertThat(told.get(1).actor()).isEqualTo("Otto Operator <otto@example.com>");
    assertThat(told.get(2).actor()).isEqualTo("Otto Operator <otto@example.com>");
  }
}
