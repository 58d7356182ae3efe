package dev.aviary.console.release;

import dev.aviary.console.release.Steering.Action;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static dev.aviary.console.release.ReleasePhase.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The one rule of which operator action a phase allows, which the machine, the service and the view all ask. */
class ReleasePhaseTest {

  static final Map<ReleasePhase, Set<Action>> ALLOWED = Map.ofEntries(
      Map.entry(STARTING, EnumSet.of(Action.PAUSE, Action.ABORT)),
      Map.entry(PROGRESSING, EnumSet.of(Action.PAUSE, Action.PROMOTE, Action.SET_WEIGHT, Action.ABORT)),
      Map.entry(PAUSED, EnumSet.of(Action.RESUME, Action.PROMOTE, Action.SET_WEIGHT, Action.ABORT)),
      Map.entry(PROMOTING, EnumSet.of(Action.ABORT)),
      Map.entry(WARM, EnumSet.of(Action.ABORT)),
      Map.entry(ADOPTING, EnumSet.noneOf(Action.class)),
      Map.entry(STABLE_ROLLOUT, EnumSet.noneOf(Action.class)),
      Map.entry(RETURNING, EnumSet.noneOf(Action.class)),
      Map.entry(CLEANING_UP, EnumSet.noneOf(Action.class)),
      Map.entry(PROMOTED, EnumSet.noneOf(Action.class)),
      Map.entry(ROLLING_BACK, EnumSet.noneOf(Action.class)),
      Map.entry(ROLLED_BACK, EnumSet.noneOf(Action.class)));

  @Test
  void each_phase_allows_exactly_the_actions_that_change_something_in_it() {
    assertThat(ALLOWED).containsOnlyKeys(ReleasePhase.values());
    for (ReleasePhase phase : ReleasePhase.values()) {
      for (Action action : Action.values()) {
        assertThat(phase.allows(action)).as(phase + " allows " + action).isEqualTo(ALLOWED.get(phase).contains(action));
        assertThat(phase.refusal(action).isEmpty()).as(phase + " has no refusal for " + action)
            .isEqualTo(phase.allows(action));
      }
    }
  }

  @Test
  void a_refusal_says_where_the_release_is_and_what_to_do_instead() {
    assertThat(ADOPTING.refusal(Action.ABORT)).hasValue("it is past the point of aborting (stable takes canary); "
        + "restore the previous version once it is promoted");
    assertThat(PROMOTED.refusal(Action.ABORT)).hasValue("it is promoted; there is nothing to abort");
    assertThat(PROGRESSING.refusal(Action.RESUME)).hasValue("it is progressing, not paused; there is nothing to "
        + "resume");
    assertThat(WARM.refusal(Action.SET_WEIGHT)).hasValue("it is previous version warm; an operator can set-weight "
        + "only while it is progressing or paused");
    assertThat(PAUSED.refusal(Action.PAUSE)).hasValue("it is paused; an operator can pause only while it is "
        + "starting or progressing");
  }
}
