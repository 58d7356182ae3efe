package dev.aviary.console.oncall;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A state that counts only once it has lasted: what was last told, and what is seen instead since when. A service
 * flapping between Degraded and Healthy faster than the hold is never told at all; one that stays is told once.
 */
final class Held<V> {

  /** A change that lasted: from what was told before, to what is told now. */
  record Change<V>(V from, V to) {
  }

  private V told;
  private V seen;
  private Instant seenSince;

  /** @param told what counts as told already: the state when watching began */
  Held(V told) {
    this.told = told;
  }

  /** The change to tell once {@code now} has lasted {@code hold}; empty until then, and while nothing changed. */
  Optional<Change<V>> observe(V now, Instant at, Duration hold) {
    if (Objects.equals(now, told)) {
      seen = null;
      seenSince = null;
      return Optional.empty();
    }
    if (!Objects.equals(now, seen)) {
      seen = now;
      seenSince = at;
    }
    if (Duration.between(seenSince, at).compareTo(hold) < 0) {
      return Optional.empty();
    }
    Change<V> change = new Change<>(told, now);
    told = now;
    seen = null;
    seenSince = null;
    return Optional.of(change);
  }
}
