package dev.aviary.console.health;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.Map;

/**
 * When golden signals turn a service Degraded.
 *
 * @param errorRatio     the highest error ratio (0..1) a version may have
 * @param p99Millis      the highest p99 latency a version may have, in milliseconds
 * @param minRequestRate below this many requests a second a version's figures are shown but not judged: one error in
 *                       three requests says little
 * @param syncCheck      how often the overview compares Git with the cluster besides after every Git change
 * @param services       per-service limits replacing the defaults above, by service name
 */
@Validated
@ConfigurationProperties("aviary.health")
public record HealthProperties(@DefaultValue("0.05") double errorRatio, @DefaultValue("1000") double p99Millis,
                               @DefaultValue("0.1") double minRequestRate,
                               @DefaultValue("30s") Duration syncCheck,
                               Map<String, Limits> services) {

  /** Limits for one service; a value left out keeps the default. */
  public record Limits(Double errorRatio, Double p99Millis) {
  }

  public HealthProperties {
    services = services == null ? Map.of() : Map.copyOf(services);
    check(errorRatio, p99Millis, "aviary.health");
    services.forEach((name, l) -> check(l.errorRatio() == null ? 0 : l.errorRatio(),
        l.p99Millis() == null ? 1 : l.p99Millis(), "aviary.health.services." + name));
    if (minRequestRate < 0 || syncCheck.isNegative() || syncCheck.isZero()) {
      throw new IllegalArgumentException("aviary.health.min-request-rate must be >= 0 and sync-check positive, got "
          + minRequestRate + " and " + syncCheck);
    }
  }

  private static void check(double errorRatio, double p99Millis, String where) {
    if (errorRatio < 0 || errorRatio > 1) {
      throw new IllegalArgumentException(where + ".error-ratio must be between 0 and 1, got " + errorRatio);
    }
    if (p99Millis <= 0) {
      throw new IllegalArgumentException(where + ".p99-millis must be positive, got " + p99Millis);
    }
  }

  /** The limits that apply to {@code service}. */
  public SignalLimits limitsFor(String service) {
    Limits l = services.get(service);
    return new SignalLimits(l == null || l.errorRatio() == null ? errorRatio : l.errorRatio(),
        l == null || l.p99Millis() == null ? p99Millis : l.p99Millis(), minRequestRate);
  }

  public record SignalLimits(double errorRatio, double p99Millis, double minRequestRate) {
  }
}
