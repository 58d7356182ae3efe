package dev.aviary.console.release;

/**
 * One comparison in an analysis, as the operator reads it: the canary's figure, the stable's over the same window
 * (null when there is none), the limit it was held to, and whether it held.
 */
public record Check(String metric, Double canary, Double stable, String limit, boolean passed) {
}
