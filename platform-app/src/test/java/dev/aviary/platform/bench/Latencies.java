package dev.aviary.platform.bench;

import java.util.Arrays;

/** Recorded durations in nanoseconds, thread-safe, with exact percentiles (nearest rank). */
final class Latencies {

  private long[] values = new long[4096];
  private int count;

  synchronized void record(long nanos) {
    if (count == values.length) {
      values = Arrays.copyOf(values, count * 2);
    }
    values[count++] = nanos;
  }

  synchronized int count() {
    return count;
  }

  synchronized double percentileMillis(double percentile) {
    if (count == 0) {
      return Double.NaN;
    }
    long[] sorted = Arrays.copyOf(values, count);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(percentile / 100.0 * count);
    return sorted[Math.max(0, rank - 1)] / 1_000_000.0;
  }

  String summary() {
    return count() == 0 ? "no samples"
        : "p50 %7.1f ms   p99 %7.1f ms   (n=%d)".formatted(percentileMillis(50), percentileMillis(99), count());
  }
}
