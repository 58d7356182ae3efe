package dev.aviary.console.analysis;

import dev.aviary.console.analysis.AnalysisResult.Outcome;
import dev.aviary.console.metrics.Counts;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class SequentialAnalysisTest {

  static final AnalysisLimits LIMITS = AnalysisLimits.DEFAULTS;

  static CanaryCounts counts(double seconds, double canaryErrors) {
    Duration d = Duration.ofMillis(Math.round(seconds * 1000));
    return ExpectedTraffic.counting(d, d, canaryErrors, 20);
  }

  @Test
  void counts_that_could_not_be_read_are_an_error_not_a_verdict() {
    AnalysisResult result = SequentialAnalysis.assess(CanaryCounts.failed("Prometheus at http://p:9090: timed out"),
        LIMITS);

    assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
    assertThat(result.summary()).isEqualTo("could not measure: Prometheus at http://p:9090: timed out");
    assertThat(SequentialAnalysis.rollsBack(CanaryCounts.failed("x"), LIMITS)).isFalse();
  }

  @Test
  void too_few_requests_yet_is_inconclusive_and_says_how_many() {
    AnalysisResult result = SequentialAnalysis.assess(counts(1, 0.001), LIMITS);

    assertThat(result.outcome()).isEqualTo(Outcome.INCONCLUSIVE);
    assertThat(result.summary()).startsWith("not decided yet: ").contains("error ratio vs stable: 20 of 50 requests");
    assertThat(result.checks()).allSatisfy(c -> assertThat(c.evidence().verdict()).isEqualTo(Check.Verdict.UNDECIDED));
  }

  @Test
  void a_canary_failing_a_fifth_of_its_requests_fails_within_seconds_in_words_with_the_evidence_in_the_detail() {
    AnalysisResult result = SequentialAnalysis.assess(counts(2, 0.2), LIMITS);

    assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(result.summary()).contains("error ratio vs stable shown broken: 20.00% vs 0.10%, ")
        .contains("beyond doubt").doesNotContain("evidence");
    Check vsStable = result.checks().getFirst();
    assertThat(vsStable.passed()).isFalse();
    assertThat(vsStable.evidence().value()).isGreaterThanOrEqualTo(vsStable.evidence().needed());
    assertThat(vsStable.evidence().low()).isPositive();
    assertThat(Findings.line(vsStable)).contains("difference +19.90% [").contains("40 requests: worse")
        .contains("evidence " + Findings.number(vsStable.evidence().value()) + " (");
  }

  @Test
  void a_canary_as_good_as_the_stable_with_enough_requests_is_shown_within_every_limit() {
    AnalysisResult result = SequentialAnalysis.assess(counts(300, 0.001), LIMITS);

    assertThat(result.outcome()).isEqualTo(Outcome.SUCCESSFUL);
    assertThat(result.summary()).isEqualTo("every limit shown to hold with 99.00% confidence");
    assertThat(result.checks()).hasSize(4).allSatisfy(c -> {
      assertThat(c.evidence().verdict()).isEqualTo(Check.Verdict.FINE);
      assertThat(c.evidence().estimate()).isBetween(c.evidence().low(), c.evidence().high());
    });
  }

  @Test
  void the_same_canary_a_minute_in_is_not_decided_yet_and_says_what_is_still_possible() {
    AnalysisResult result = SequentialAnalysis.assess(counts(20, 0.001), LIMITS);

    assertThat(result.outcome()).isEqualTo(Outcome.INCONCLUSIVE);
    assertThat(result.summary()).contains("error ratio: up to ").contains("still possible, limit <= 1.00%");
  }

  @Test
  void a_canary_150_ms_slower_fails_on_its_slow_requests() {
    Counts slow = new Counts(100, 0, new TreeMap<>(Map.of(25.0, 0.0, 50.0, 0.0, 100.0, 0.0, 250.0, 100.0,
        500.0, 100.0, Double.POSITIVE_INFINITY, 100.0)));
    CanaryCounts measured = counts(5, 0.001);
    CanaryCounts counts = new CanaryCounts(measured.canary(), measured.stable(), slow, measured.stableTimed(), false,
        null);

    AnalysisResult result = SequentialAnalysis.assess(counts, LIMITS);

    assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(result.summary()).contains("requests slower than 100 ms vs stable shown broken: 100.00% vs 0.50%");
    assertThat(SequentialAnalysis.rollsBack(counts, LIMITS)).isTrue();
  }

  @Test
  void while_warming_up_latency_waits_but_errors_are_judged() {
    Duration counted = Duration.ofSeconds(3);
    CanaryCounts warming = ExpectedTraffic.counting(counted, Duration.ZERO, 0.2, 20);

    AnalysisResult failing = SequentialAnalysis.assess(warming, LIMITS);
    AnalysisResult healthy = SequentialAnalysis.assess(ExpectedTraffic.counting(Duration.ofMinutes(5), Duration.ZERO,
        0.001, 20), LIMITS);

    assertThat(failing.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(healthy.outcome()).isEqualTo(Outcome.INCONCLUSIVE);
    assertThat(healthy.summary()).contains("0 of 50 requests (warming up)");
  }

  @Test
  void a_histogram_without_a_bound_at_or_above_the_latency_limit_cannot_measure_it() {
    Counts shortHistogram = new Counts(100, 0, new TreeMap<>(Map.of(25.0, 50.0, 100.0, 100.0,
        Double.POSITIVE_INFINITY, 100.0)));
    CanaryCounts measured = counts(5, 0.001);

    AnalysisResult result = SequentialAnalysis.assess(new CanaryCounts(measured.canary(), measured.stable(),
        shortHistogram, shortHistogram, false, null), LIMITS);

    assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
    assertThat(result.summary()).isEqualTo("could not measure: the latency histogram has no bound at or above the 500 ms "
        + "limit");
  }
}
