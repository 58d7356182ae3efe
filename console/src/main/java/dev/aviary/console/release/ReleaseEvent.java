package dev.aviary.console.release;

import java.time.Instant;

/** One line of a release's history: who (a person, or the release controller) did what, and its commit if any. */
public record ReleaseEvent(Instant at, String actor, String text, String commit) {
}
