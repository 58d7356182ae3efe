package dev.aviary.console;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * How every page and message writes a moment: in UTC, and saying so, so that an on-call team spread over time zones
 * reads the same time in the console, in Git and in the logs.
 */
public final class Times {

  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'")
      .withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
      .withZone(ZoneOffset.UTC);

  private Times() {
  }

  /** "14:03:07 UTC": for moments of the last hours (a release's steps, a comparison, a reading). */
  public static String clock(Instant at) {
    return CLOCK.format(at);
  }

  /** "2026-11-30 14:03:07 UTC": for moments that may be days old (commits, audit entries). */
  public static String dateTime(Instant at) {
    return DATE_TIME.format(at);
  }
}
