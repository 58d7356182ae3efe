package dev.aviary.console.release;

import java.time.Instant;
import java.util.List;

/** How one step's analysis came out, with every figure it was based on. */
public record AnalysisResult(Outcome outcome, Instant at, int weight, List<Check> checks, String summary) {

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

  AnalysisResult at(Instant when, int atWeight) {
    return new AnalysisResult(outcome, when, atWeight, checks, summary);
  }
}
