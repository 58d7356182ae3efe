package dev.aviary.console.analysis;

import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a judgment is written for people: a finding in an operator's words for reasons, notices and commit subjects
 * ("shown broken: 19.90% vs 0.17%, far beyond doubt"), and every figure behind it for the detail and commit bodies.
 */
public final class Findings {

  private Findings() {
  }

  /** An analysis and every figure it judged, for the body of a rollback commit. */
  public static String report(AnalysisResult result) {
    return "Analysis at " + result.where() + " (" + result.at() + "): " + result.outcome() + "\n"
        + result.checks().stream().map(c -> "- " + line(c) + (c.passed() ? "" : "  <- broken"))
        .collect(Collectors.joining("\n"));
  }

  /**
   * One check with all its figures: the canary's against its limit, and the stable's when compared; for a sequential
   * check also the estimate with its anytime-valid interval, the evidence against the evidence needed, and the
   * requests counted.
   */
  public static String line(Check c) {
    Check.Evidence e = c.evidence();
    if (e == null) {
      return describe(c) + (c.stable() == null ? "" : " (stable " + c.unit().format(c.stable()) + ")");
    }
    return figures(c) + "; " + (e.difference() ? "difference " : "estimate ") + c.estimated(e.estimate()) + " ["
        + c.estimated(e.low()) + ", " + c.estimated(e.high()) + "], " + evidence(e) + ", " + Math.round(e.counted())
        + " requests: " + e.verdict().name().toLowerCase(Locale.ROOT);
  }

  /**
   * A sequential check that decided, as a reason says it: what was shown, the figures that show it, and how sure.
   * The evidence itself stays in {@link #line}.
   */
  public static String shown(Check c) {
    Check.Evidence e = c.evidence();
    String verdict = e.verdict() == Check.Verdict.WORSE ? "shown broken" : "shown within its limit";
    String figures = c.stable() != null && c.metric().endsWith("vs stable")
        ? format(c, c.canary()) + " vs " + format(c, c.stable())
        : format(c, c.canary()) + ", limit " + c.limit();
    return c.metric() + " " + verdict + ": " + figures + ", " + certainty(e);
  }

  /**
   * How far the evidence is past what decides, in words: at what decides, a canary as good as the stable shows this
   * with a chance of at most the check's share of alpha; every tenfold beyond that is ten times less likely.
   */
  static String certainty(Check.Evidence e) {
    double beyond = e.value() / e.needed();
    return beyond >= 1000 ? "far beyond doubt" : beyond >= 10 ? "well beyond doubt" : "beyond doubt";
  }

  /** A check's figures without the sequential estimate: the canary's, the stable's beside it, and the limit. */
  static String figures(Check c) {
    return c.metric() + " " + format(c, c.canary())
        + (c.stable() == null ? "" : " (stable " + c.unit().format(c.stable()) + ")") + ", limit " + c.limit();
  }

  static String describe(Check c) {
    return c.metric() + " " + format(c, c.canary()) + ", limit " + c.limit();
  }

  /** A sequential check's evidence against the evidence that decides it, e.g. "evidence 37 (800 needed)". */
  static String evidence(Check.Evidence e) {
    return "evidence " + number(e.value()) + " (" + number(e.needed()) + " needed)";
  }

  /** A figure such as an evidence or a factor: one decimal while small, whole numbers (grouped) after. */
  public static String number(double value) {
    return value >= 100 ? String.format(Locale.ROOT, "%,d", Math.round(value))
        : String.format(Locale.ROOT, "%.1f", value).replaceAll("\\.0$", "");
  }

  public static String percent(double ratio) {
    return Check.Unit.RATIO.format(ratio);
  }

  public static String millis(double ms) {
    return Check.Unit.MILLIS.format(ms);
  }

  private static String format(Check c, Double value) {
    return value == null ? "-" : c.unit().format(value);
  }
}
