package dev.aviary.console.metrics;

import dev.aviary.console.metrics.prometheus.PrometheusMetrics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Picks the source of golden signals: Prometheus when a URL is configured, always; otherwise a fallback another
 * feature offers (the sandbox's traffic model); otherwise none, and every page says that no metrics are configured.
 */
@Configuration
class MetricsConfiguration {

  @Bean
  @Primary
  MetricsSource metricsSource(MetricsProperties properties, Clock clock, ObjectProvider<MetricsSource.Fallback> fallback) {
    if (properties.url() != null) {
      return new PrometheusMetrics(properties, clock);
    }
    MetricsSource simulated = fallback.getIfAvailable();
    return simulated != null ? simulated : new NotConfigured(clock);
  }

  /** Answers every query with why there are no figures. */
  static final class NotConfigured implements MetricsSource {

    static final String WHY = "no metrics source: set aviary.prometheus.url (AVIARY_PROMETHEUS_URL)";
    private final Clock clock;

    NotConfigured(Clock clock) {
      this.clock = clock;
    }

    @Override
    public String description() {
      return "not configured";
    }

    @Override
    public boolean simulated() {
      return false;
    }

    @Override
    public SignalResult instant(Signal signal, Duration window) {
      return SignalResult.failed(signal, clock.instant(), WHY);
    }

    @Override
    public RangeResult range(Signal signal, String service, Duration window, Instant from, Instant to, Duration step) {
      return RangeResult.failed(signal, service, WHY);
    }

    @Override
    public CountsResult counts(String service, Duration window) {
      return CountsResult.failed(WHY);
    }
  }
}
