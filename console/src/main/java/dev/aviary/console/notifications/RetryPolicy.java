package dev.aviary.console.notifications;

import java.time.Duration;

/**
 * When to try a failed delivery again: after {@code first}, doubling up to {@code longest} between attempts, and not
 * after {@code giveUpAfter} since the first attempt.
 */
public record RetryPolicy(Duration first, Duration longest, Duration giveUpAfter) {

  public RetryPolicy {
    if (first.isNegative() || first.isZero() || longest.compareTo(first) < 0 || giveUpAfter.isNegative()) {
      throw new IllegalArgumentException("retry: first must be positive, longest at least first, give-up-after not "
          + "negative; got " + first + ", " + longest + ", " + giveUpAfter);
    }
  }

  /** The wait before attempt {@code attempt + 1}, after {@code attempt} failed ones (1, 2, ...). */
  public Duration delayAfter(int attempt) {
    Duration delay = first;
    for (int i = 1; i < attempt && delay.compareTo(longest) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(longest) > 0 ? longest : delay;
  }
}
