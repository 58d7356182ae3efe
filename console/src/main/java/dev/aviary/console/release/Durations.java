package dev.aviary.console.release;

import java.time.Duration;

/** Durations as operators write them in a plan: {@code 30s}, {@code 5m}, {@code 1h}, {@code 1500ms}. */
final class Durations {

  private Durations() {
  }

  static String text(Duration d) {
    long ms = d.toMillis();
    if (ms % 3_600_000 == 0 && ms > 0) {
      return ms / 3_600_000 + "h";
    }
    if (ms % 60_000 == 0 && ms > 0) {
      return ms / 60_000 + "m";
    }
    return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
  }
}
