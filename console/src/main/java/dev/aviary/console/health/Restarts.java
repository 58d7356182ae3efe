package dev.aviary.console.health;

import java.time.Instant;

/**
 * Container restarts within the last hour.
 *
 * @param since when counting began, if that is later than an hour ago (Aviary had not watched the pod that long);
 *              null when the count covers the full hour
 */
public record Restarts(int count, Instant since) {

  public static final Restarts NONE = new Restarts(0, null);

  public Restarts plus(Restarts other) {
    Instant later = since == null ? other.since : other.since == null ? since
        : since.isAfter(other.since) ? since : other.since;
    return new Restarts(count + other.count, later);
  }
}
