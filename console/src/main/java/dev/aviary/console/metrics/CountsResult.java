package dev.aviary.console.metrics;

import java.util.Map;

/**
 * One service's {@link Counts} per version over a window, or why they could not be read. A version that served
 * nothing in the window is absent.
 */
public record CountsResult(Map<String, Counts> byVersion, String failure) {

  public CountsResult {
    byVersion = Map.copyOf(byVersion);
  }

  public static CountsResult failed(String why) {
    return new CountsResult(Map.of(), why);
  }

  public boolean failed() {
    return failure != null;
  }

  public Counts of(String version) {
    return byVersion.getOrDefault(version, Counts.NONE);
  }
}
