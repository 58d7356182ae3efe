package dev.aviary.console.release;

import java.util.stream.Collectors;

/** An analysis's figures as text, for the body of a rollback commit. */
final class Figures {

  private Figures() {
  }

  static String of(AnalysisResult result) {
    return "Analysis at " + result.weight() + "% (" + result.at() + "): " + result.outcome() + "\n"
        + result.checks().stream().map(c -> "- " + CanaryAnalysis.describe(c) + (c.stable() == null ? ""
            : " (stable " + CanaryAnalysis.figure(c.metric(), c.stable()) + ")") + (c.passed() ? "" : "  <- broken"))
        .collect(Collectors.joining("\n"));
  }

}
