package dev.aviary.console.oncall;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Something wrong for longer than a threshold, told once per episode: an episode ends when it is fine again. */
final class Outage {

  private Instant since;
  private boolean told;

  /**
   * @param wrong whether it is wrong now
   * @return when the episode began, the first time it has lasted {@code threshold}; empty otherwise
   */
  Optional<Instant> observe(boolean wrong, Instant now, Duration threshold) {
    if (!wrong) {
      since = null;
      told = false;
      return Optional.empty();
    }
    if (since == null) {
      since = now;
    }
    if (told || Duration.between(since, now).compareTo(threshold) < 0) {
      return Optional.empty();
    }
    told = true;
    return Optional.of(since);
  }
}
