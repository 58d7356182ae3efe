package dev.aviary.console.analysis;

import dev.aviary.console.metrics.Reading;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class WindowAnalysisTest {

  static final AnalysisLimits LIMITS = AnalysisLimits.DEFAULTS;

  static Measurements of(Reading errors, Reading p99, Reading rate, Reading stableErrors, Reading stableP99,
                         Reading stableRate) {
    return new Measurements(Duration.ofSeconds(30), new Measurements.Version(errors, p99, rate),
        new Measurements.Version(stableErrors, stableP99, stableRate));
  }

  static Reading v(double value) {
    return new Reading.Value(value);
  }

  @Test
  void a_canary_within_every_limit_is_successful_and_its_figures_are_kept() {
    AnalysisResult result = WindowAnalysis.assess(of(v(0.002), v(120), v(10), v(0.001), v(110), v(90)), LIMITS);

    assertThat(result.outcome()).isEqualTo(AnalysisResult.Outcome.SUCCESSFUL);
    assertThat(result.checks()).extracting(Check::metric).containsExactly("requests", "success ratio",
        "p99 latency", "success ratio vs stable", "p99 latency vs stable");
    assertThat(result.checks().get(1).canary()).isEqualTo(0.998);
    assertThat(result.checks().get(1).stable()).isEqualTo(0.999);
  }

  @Test
  void an_error_ratio_above_the_limit_fails_with_the_figure_and_the_limit() {
    AnalysisResult result = WindowAnalysis.assess(of(v(0.2), v(90), v(10), v(0.0), v(80), v(90)), LIMITS);

    assertThat(result.outcome()).isEqualTo(AnalysisResult.Outcome.FAILED);
    assertThat(result.summary()).startsWith("success ratio 80.00%, limit >= 99.00%")
        .contains("success ratio vs stable 80.00%, limit >= 99.00%");
  }

  @Test
  void a_latency_far_above_the_stable_fails_the_relative_check_only() {
    AnalysisResult result = WindowAnalysis.assess(of(v(0), v(300), v(10), v(0), v(100), v(90)), LIMITS);

    assertThat(result.outcome()).isEqualTo(AnalysisResult.Outcome.FAILED);
    assertThat(result.summary()).isEqualTo("p99 latency vs stable 300 ms, limit <= 150 ms");
  }

  @Test
  void small_latencies_are_not_called_slow_for_being_twice_the_stables() {
    AnalysisResult result = WindowAnalysis.assess(of(v(0), v(8), v(10), v(0), v(4), v(90)), LIMITS);

    assertThat(result.outcome()).isEqualTo(AnalysisResult.Outcome.SUCCESSFUL);
  }

  @Test
  void too_few_requests_are_inconclusive_even_when_every_request_failed() {
    AnalysisResult result = WindowAnalysis.assess(of(v(1.0), v(900), v(1), v(0), v(80), v(90)), LIMITS);

    assertThat(result.outcome()).isEqualTo(AnalysisResult.Outcome.INCONCLUSIVE);
    assertThat(result.summary()).isEqualTo("too little traffic: the canary had 30 requests in 30 s, 50 needed");
  }

  @Test
  void no_series_for_the_canary_is_inconclusive_not_zero() {
    Reading none = new Reading.NoData("no requests routed to this version");
    AnalysisResult result = WindowAnalysis.assess(of(none, none, none, v(0), v(80), v(90)), LIMITS);

    assertThat(result.outcome()).isEqualTo(AnalysisResult.Outcome.INCONCLUSIVE);
  }

  @Test
  void a_failed_query_or_a_nan_is_an_error_not_a_judgement() {
    Reading down = new Reading.Failed("cannot connect to Prometheus at http://127.0.0.1:9");
    assertThat(WindowAnalysis.assess(of(down, v(90), v(10), v(0), v(80), v(90)), LIMITS).summary())
        .isEqualTo("could not measure: cannot connect to Prometheus at http://127.0.0.1:9");
    assertThat(WindowAnalysis.assess(of(v(Double.NaN), v(90), v(10), v(0), v(80), v(90)), LIMITS).outcome())
        .isEqualTo(AnalysisResult.Outcome.ERROR);
    assertThat(WindowAnalysis.assess(of(v(0), v(90), v(10), down, v(80), v(90)), LIMITS).outcome())
        .isEqualTo(AnalysisResult.Outcome.ERROR);
  }

  @Test
  void a_stable_version_with_too_little_traffic_is_not_compared_with() {
    AnalysisResult result = WindowAnalysis.assess(of(v(0), v(90), v(10), v(0), v(10), v(0.5)), LIMITS);

    assertThat(result.outcome()).isEqualTo(AnalysisResult.Outcome.SUCCESSFUL);
    assertThat(result.checks()).extracting(Check::metric).containsExactly("requests", "success ratio", "p99 latency");
  }
}
