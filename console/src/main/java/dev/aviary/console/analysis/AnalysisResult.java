package dev.aviary.console.analysis;

import java.time.Instant;
import java.util.List;

/**
 * How one step's analysis came out, with every figure it was based on.
 *
 * @param weight the canary's share of user traffic during the step
 * @param step   the step as the plan labels it ({@code 50%}, {@code mirror 20%}, {@code preview}); null in analyses
 *               stored before steps had labels, which were all weights
 */
public record AnalysisResult(Outcome outcome, Instant at, int weight, List<Check> checks, String summary,
                             String step) {

  public AnalysisResult {
    checks = List.copyOf(checks);
  }

  public enum Outcome {
    /** Every limit held. */
    SUCCESSFUL,
    /** Measured, and a limit was broken. */
    FAILED,
    /** Measured, but too little to judge: no data or too few requests. */
    INCONCLUSIVE,
    /** Could not measure: the metrics source failed or answered something unusable. */
    ERROR
  }

  /** A result of a judge, placed: when, at which weight, in which step (as the plan labels it). */
  public AnalysisResult at(Instant when, int atWeight, String step) {
    return new AnalysisResult(outcome, when, atWeight, checks, summary, step);
  }

  /** Where the canary was when judged, as the views and messages say it: the step's label. */
  public String where() {
    return step == null ? weight + "%" : step;
  }
}
