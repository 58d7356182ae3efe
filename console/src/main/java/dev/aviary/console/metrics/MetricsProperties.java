package dev.aviary.console.metrics;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * Where golden signals are read.
 *
 * @param url          Prometheus' base URL (http or https); empty: the sandbox simulates signals, elsewhere none
 * @param timeout      how long one query may take before it counts as failed
 * @param window       the trailing window the overview's figures are computed over
 * @param refresh      how often the overview's figures are read
 * @param preset       which metrics the default queries read: Istio's standard ones or platform-app's own
 * @param serviceLabel the result label naming the service; empty: the preset's
 * @param versionLabel the result label naming the version; empty: the preset's
 * @param queries      PromQL replacing a preset's query per signal; see {@link QueryTemplates} for the placeholders
 * @param countQueries PromQL replacing a preset's query for what canary judgment counts (requests, errors, latency
 *                     buckets, each an {@code increase()} over {@code {window}}), same placeholders
 * @param bucketUnitMs how many milliseconds one unit of the latency buckets' {@code le} is; empty: the preset's (1000
 *                     for platform-app's seconds, 1 for Istio's milliseconds)
 */
@Validated
@ConfigurationProperties("aviary.prometheus")
public record MetricsProperties(URI url, @DefaultValue("5s") @NotNull Duration timeout,
                                @DefaultValue("1m") @NotNull Duration window,
                                @DefaultValue("10s") @NotNull Duration refresh,
                                @DefaultValue("istio") @NotNull QueryTemplates.Preset preset,
                                @DefaultValue("") String serviceLabel, @DefaultValue("") String versionLabel,
                                Map<Signal, String> queries, Map<QueryTemplates.Count, String> countQueries,
                                Double bucketUnitMs) {

  public MetricsProperties {
    if (url != null && url.toString().isBlank()) {
      url = null;
    }
    if (url != null && !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))
        || url != null && url.getHost() == null) {
      throw new IllegalArgumentException("aviary.prometheus.url must be an http:// or https:// URL with a host, got '"
          + url + "'");
    }
    for (Duration d : new Duration[] {timeout, window, refresh}) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("aviary.prometheus timeout, window and refresh must be positive, got " + d);
      }
    }
    queries = queries == null ? Map.of() : Map.copyOf(queries);
    countQueries = countQueries == null ? Map.of() : Map.copyOf(countQueries);
  }

  public QueryTemplates templates() {
    return QueryTemplates.of(preset, serviceLabel, versionLabel, queries, countQueries, bucketUnitMs);
  }
}
