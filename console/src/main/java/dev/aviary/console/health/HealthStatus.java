package dev.aviary.console.health;

/**
 * Argo CD's health states, declared most severe first: a service is as unhealthy as its worst part, and the
 * overview lists services in this order. Missing outranks Unknown because Git says the object should exist.
 */
public enum HealthStatus {
  DEGRADED("Degraded"),
  MISSING("Missing"),
  UNKNOWN("Unknown"),
  PROGRESSING("Progressing"),
  SUSPENDED("Suspended"),
  HEALTHY("Healthy");

  private final String label;

  HealthStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public boolean worseThan(HealthStatus other) {
    return ordinal() < other.ordinal();
  }
}
