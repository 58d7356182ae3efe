package dev.aviary.console.statistics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ComparisonTest {

  @Test
  void a_candidate_failing_twenty_percent_against_a_fifth_of_a_percent_is_worse_after_a_handful_of_failures() {
    Comparison comparison = new Comparison(new Tally(6, 30), new Tally(6, 3000), 1, 0.0025);

    assertThat(comparison.worse()).isTrue();
    assertThat(comparison.evidence()).isGreaterThanOrEqualTo(comparison.needed());
    assertThat(comparison.difference().lower()).isPositive();
  }

  @Test
  void worse_is_exactly_when_the_evidence_reaches_what_is_needed_and_the_difference_is_above_zero() {
    for (int events = 0; events <= 40; events++) {
      Comparison c = new Comparison(new Tally(events, 2000), new Tally(8, 4000), 1.5, 0.01);
      assertThat(c.worse()).as("%d events", events).isEqualTo(c.evidence() >= c.needed());
      assertThat(c.worse()).as("%d events", events).isEqualTo(c.difference().lower() > 0);
    }
  }

  @Test
  void equal_shares_are_not_worse_and_the_difference_holds_zero() {
    Comparison comparison = new Comparison(new Tally(20, 10_000), new Tally(400, 200_000), 1, 0.01);

    assertThat(comparison.worse()).isFalse();
    assertThat(comparison.evidence()).isEqualTo(1);
    assertThat(comparison.difference().contains(0)).isTrue();
  }

  @Test
  void without_a_baseline_nothing_is_worse() {
    assertThat(new Comparison(new Tally(50, 50), Tally.NONE, 1, 0.01).worse()).isFalse();
  }

  @Test
  void a_factor_below_one_or_an_alpha_outside_zero_to_one_is_refused() {
    assertThatThrownBy(() -> new Comparison(Tally.NONE, Tally.NONE, 0.5, 0.01)).hasMessageContaining("factor");
    assertThatThrownBy(() -> new Comparison(Tally.NONE, Tally.NONE, 1, 1)).hasMessageContaining("alpha");
  }
}
