package dev.aviary.console.statistics;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ProportionSequenceTest {

  @Test
  void the_interval_ends_where_the_evidence_reaches_one_over_alpha() {
    Tally tally = new Tally(12, 3000);
    Interval interval = ProportionSequence.interval(tally, 0.01);

    assertThat(ProportionSequence.logEvidence(tally, interval.lower())).isCloseTo(Math.log(100), within(1e-6));
    assertThat(ProportionSequence.logEvidence(tally, interval.upper())).isCloseTo(Math.log(100), within(1e-6));
    assertThat(interval.contains(tally.share())).isTrue();
  }

  @Test
  void the_interval_narrows_as_counts_grow_and_widens_with_more_confidence() {
    Interval few = ProportionSequence.interval(new Tally(2, 1000), 0.01);
    Interval many = ProportionSequence.interval(new Tally(200, 100_000), 0.01);
    Interval surer = ProportionSequence.interval(new Tally(200, 100_000), 0.001);

    assertThat(many.upper() - many.lower()).isLessThan((few.upper() - few.lower()) / 5);
    assertThat(surer.lower()).isLessThan(many.lower());
    assertThat(surer.upper()).isGreaterThan(many.upper());
  }

  @Test
  void no_events_leave_zero_possible_and_no_trials_leave_everything_possible() {
    assertThat(ProportionSequence.interval(new Tally(0, 5000), 0.01).lower()).isZero();
    assertThat(ProportionSequence.interval(new Tally(0, 5000), 0.01).upper()).isBetween(0.0005, 0.003);
    assertThat(ProportionSequence.interval(Tally.NONE, 0.01)).isEqualTo(new Interval(0, 1));
    assertThat(ProportionSequence.interval(new Tally(40, 40), 0.01).upper()).isEqualTo(1);
  }

  @Test
  void above_and_below_agree_with_the_interval() {
    Tally tally = new Tally(30, 1000);
    Interval interval = ProportionSequence.interval(tally, 0.01);

    assertThat(ProportionSequence.above(tally, interval.lower() - 1e-4, 0.01)).isTrue();
    assertThat(ProportionSequence.above(tally, interval.lower() + 1e-4, 0.01)).isFalse();
    assertThat(ProportionSequence.below(tally, interval.upper() + 1e-4, 0.01)).isTrue();
    assertThat(ProportionSequence.below(tally, interval.upper() - 1e-4, 0.01)).isFalse();
  }

  @Test
  void fractional_counts_as_prometheus_extrapolates_them_are_taken() {
    Interval interval = ProportionSequence.interval(new Tally(2.4, 987.6), 0.01);

    assertThat(interval.lower()).isPositive();
    assertThat(interval.upper()).isLessThan(0.05);
  }

  @Test
  void a_tally_refuses_counts_that_are_not_counts_and_keeps_errors_within_requests() {
    assertThatThrownBy(() -> new Tally(-1, 10)).hasMessageContaining("non-negative");
    assertThatThrownBy(() -> new Tally(1, Double.NaN)).hasMessageContaining("finite");
    assertThat(new Tally(10.2, 10).events()).isEqualTo(10);
  }

  /** The promise itself: watched after every 20 requests for 20,000, the true share leaves the interval rarely. */
  @Test
  void the_true_share_stays_inside_at_every_look_in_all_but_alpha_of_streams() {
    double p = 0.01;
    int streams = 2000;
    long escaped = IntStream.range(0, streams).parallel().filter(stream -> {
      SplittableRandom random = new SplittableRandom(31L * stream + 7);
      int events = 0;
      for (int n = 1; n <= 20_000; n++) {
        events += random.nextDouble() < p ? 1 : 0;
        if (n % 20 == 0 && !ProportionSequence.interval(new Tally(events, n), 0.05).contains(p)) {
          return true;
        }
      }
      return false;
    }).count();

    assertThat(escaped / (double) streams).isLessThanOrEqualTo(0.05);
  }
}
