package dev.aviary.console.metrics;

/** The golden signals Aviary reads per service and version. */
public enum Signal {
  REQUEST_RATE("request rate", "req/s"),
  ERROR_RATIO("error ratio", ""),
  P99_LATENCY("p99 latency", "ms");

  private final String label;
  private final String unit;

  Signal(String label, String unit) {
    this.label = label;
    this.unit = unit;
  }

  public String label() {
    return label;
  }

  public String unit() {
    return unit;
  }
}
