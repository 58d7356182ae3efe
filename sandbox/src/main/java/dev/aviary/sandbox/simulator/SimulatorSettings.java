package dev.aviary.sandbox.simulator;

import java.time.Duration;

/**
 * Timing of the simulated cluster.
 *
 * @param startDelay from pod creation to its container running
 * @param readyDelay from pod creation to its readiness probe passing
 * @param tick       how often controllers reconcile
 * @param nodes      how many nodes pods are spread over
 */
public record SimulatorSettings(Duration startDelay, Duration readyDelay, Duration tick, int nodes) {

  public static SimulatorSettings defaults() {
    return new SimulatorSettings(Duration.ofMillis(300), Duration.ofMillis(1500), Duration.ofMillis(200), 3);
  }

  /** Image tags with this suffix start but never pass their readiness probe. */
  public static final String BROKEN_SUFFIX = "-broken";

  /** A pod with this annotation set to "true" fails its readiness probe from then on. */
  public static final String FAIL_READINESS_ANNOTATION = "sandbox.aviary.dev/fail-readiness";
}
