package dev.aviary.console.analysis;

import java.time.Duration;

/**
 * How a release's canary is judged.
 *
 * @param method          {@link Method#SEQUENTIAL} (the default) or the earlier fixed-window judge
 * @param alpha           the chance that a canary as good as the stable and within every limit is ever rolled back,
 *                        shared by the checks however often they look (sequential only)
 * @param warmUp          how long after the canary starts taking traffic its latency is not judged yet, for services
 *                        that start cold (sequential only; errors are judged from the first request)
 * @param decisionTimeout how long one step may wait for its evidence before the release pauses as inconclusive
 *                        (sequential only)
 */
public record Judgment(Method method, double alpha, Duration warmUp, Duration decisionTimeout) {

  public static final Judgment DEFAULTS = new Judgment(Method.SEQUENTIAL, 0.01, Duration.ZERO,
      Duration.ofMinutes(30));

  /** What judges each step. */
  public enum Method {
    /**
     * Anytime-valid tests on the counts accumulated since the canary started, looked at on every tick: rolls back
     * the moment the evidence is in, advances a step once its time is up and the evidence shows the canary within
     * its limits.
     */
    SEQUENTIAL,
    /** Each step judged alone on its last window's rates and p99, once its time is up. */
    WINDOW;

    public String word() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Reads a method by its word, naming the accepted ones when it is none of them. */
    public static Method of(String word) {
      for (Method m : values()) {
        if (m.word().equalsIgnoreCase(word)) {
          return m;
        }
      }
      throw new IllegalArgumentException("judge must be sequential or window, got '" + word + "'");
    }
  }

  public Judgment {
    if (method == null) {
      throw new IllegalArgumentException("judge must be sequential or window, got nothing");
    }
    if (!(alpha > 0 && alpha <= 0.2)) {
      throw new IllegalArgumentException("alpha must be above 0 and at most 0.2, got " + alpha);
    }
    if (warmUp == null || warmUp.isNegative()) {
      throw new IllegalArgumentException("warmUp must not be negative, got " + warmUp);
    }
    if (decisionTimeout == null || decisionTimeout.isZero() || decisionTimeout.isNegative()) {
      throw new IllegalArgumentException("decisionTimeout must be positive, got " + decisionTimeout);
    }
  }
}
