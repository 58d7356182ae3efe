/**
 * How a release's canary is judged, as pure functions: {@link dev.aviary.console.analysis.SequentialAnalysis} (the
 * anytime-valid sequential judge) and {@link dev.aviary.console.analysis.WindowAnalysis} (the fixed-window judge)
 * take counts or measurements and {@link dev.aviary.console.analysis.AnalysisLimits} and return an
 * {@link dev.aviary.console.analysis.AnalysisResult}: its checks, evidence and outcome, telling "could not measure"
 * apart from "measured bad". {@link dev.aviary.console.analysis.Findings} writes a finding in an operator's words and
 * every figure behind it. Nothing here reads a clock, a cluster or Prometheus; {@code release} does.
 */
package dev.aviary.console.analysis;
