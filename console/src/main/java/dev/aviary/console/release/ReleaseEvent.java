package dev.aviary.console.release;

import java.time.Instant;

/** One line of a release's history: who (a person, or the release controller) did what, and its commit if any. */
public record ReleaseEvent(Instant at, String actor, String text, String commit) {

  /** Who the history names for what the release machine decides by itself. */
  public static final String CONTROLLER = "release controller";
}
