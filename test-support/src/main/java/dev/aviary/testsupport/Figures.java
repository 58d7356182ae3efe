package dev.aviary.testsupport;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

/** What the benchmarks print: percentiles by nearest rank, maxima, and this JVM's heap after collecting. */
public final class Figures {

  private Figures() {
  }

  /** The value at percentile {@code p} (0..100) by nearest rank; the values need not be sorted. */
  public static double percentile(double[] values, double p) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1))];
  }

  public static double max(double[] values) {
    return Arrays.stream(values).max().orElse(0);
  }

  /** Bytes in use on this JVM's heap after asking it to collect three times. */
  public static long heapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
