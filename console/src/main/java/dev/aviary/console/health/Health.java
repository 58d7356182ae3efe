package dev.aviary.console.health;

import java.util.Collection;

/** A health state and the reason for it, in words an on-call engineer can act on. */
public record Health(HealthStatus status, String reason) {

  public static Health healthy(String reason) {
    return new Health(HealthStatus.HEALTHY, reason);
  }

  /** This one, unless {@code other} is strictly worse: among equals, the first reason found is kept. */
  public Health worst(Health other) {
    return other.status.worseThan(status) ? other : this;
  }

  public static Health worstOf(Health start, Collection<Health> parts) {
    Health worst = start;
    for (Health h : parts) {
      worst = worst.worst(h);
    }
    return worst;
  }
}
