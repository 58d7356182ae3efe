package dev.aviary.console.health;

import dev.aviary.console.Times;
import dev.aviary.console.metrics.Reading;
import dev.aviary.console.metrics.Signal;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** How figures read on screen. A missing figure says why it is missing; it is never shown as 0. */
final class Figures {

  static final String NO_DATA = "no data";
  static final String UNAVAILABLE = "unavailable";

  private Figures() {
  }

  static String reading(Signal signal, Reading reading) {
    return switch (reading) {
      case Reading.Value(double v) -> switch (signal) {
        case REQUEST_RATE -> String.format(Locale.ROOT, v >= 10 ? "%.0f/s" : "%.1f/s", v);
        case ERROR_RATIO -> String.format(Locale.ROOT, v == 0 ? "0%%" : v < 0.001 ? "<0.1%%" : "%.1f%%", v * 100);
        case P99_LATENCY -> String.format(Locale.ROOT, "%.0f ms", v);
      };
      case Reading.NoData ignored -> NO_DATA;
      case Reading.Failed ignored -> UNAVAILABLE;
    };
  }

  /** Why a figure is missing, for its tooltip; empty for a present one. */
  static String why(Reading reading) {
    return switch (reading) {
      case Reading.Value ignored -> "";
      case Reading.NoData(String why) -> why;
      case Reading.Failed(String why) -> why;
    };
  }

  static String age(Instant then, Instant now) {
    Duration d = Duration.between(then, now);
    if (d.toSeconds() < 60) {
      return "just now";
    }
    if (d.toMinutes() < 60) {
      return d.toMinutes() + " min ago";
    }
    if (d.toHours() < 48) {
      return d.toHours() + " h ago";
    }
    return d.toDays() + " days ago";
  }

  static String clock(Instant at) {
    return Times.clock(at);
  }

  static String restarts(Restarts r) {
    return r.count() + (r.since() == null ? "" : " since " + clock(r.since()));
  }
}
