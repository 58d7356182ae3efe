package dev.aviary.console.notifications;

import java.time.Instant;

/** A destination's most recent delivery, as the Settings page shows it. */
public record LastDelivery(Instant at, String event, Outcome outcome, String detail) {

  public enum Outcome {
    DELIVERED, REJECTED, GAVE_UP, DROPPED;

    /** The metric's label: {@code delivered}, {@code rejected}, {@code gave-up}, {@code dropped}. */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }
}
