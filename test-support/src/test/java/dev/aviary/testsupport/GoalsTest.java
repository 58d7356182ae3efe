package dev.aviary.testsupport;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GoalsTest {

  final Goals goals = new Goals().below("failover under 5 s", 2100, 5000, "worst 2100 ms")
      .atMost("per view at most 100 KB", Double.NaN, 100, "not measurable at this size");

  @Test
  void the_line_says_met_not_met_or_not_measured_and_never_met_for_a_figure_that_is_not_a_number() {
    assertEquals("goals: failover under 5 s (worst 2100 ms): met; per view at most 100 KB (not measurable at this "
        + "size): not measured", goals.line());
    assertEquals("goals: failover under 5 s (worst 2100 ms): NOT met; per view at most 100 KB (not measurable at "
        + "this size): not measured", goals.withLimit("failover under 5 s", 1000).line());
  }

  @Test
  void a_missed_or_unmeasured_goal_fails_the_assertion_that_names_it() {
    goals.assertMet("failover under 5 s");

    AssertionError tightened = assertThrows(AssertionError.class,
        () -> goals.withLimit("failover under 5 s", 1000).assertMet("failover under 5 s"));
    assertTrue(tightened.getMessage().contains("failover under 5 s: NOT met"), tightened.getMessage());
    AssertionError unmeasured = assertThrows(AssertionError.class, goals::assertMeasured);
    assertTrue(unmeasured.getMessage().contains("[per view at most 100 KB]"), unmeasured.getMessage());
    assertThrows(IllegalArgumentException.class, () -> goals.assertMet("a goal nobody set"));
  }
}
