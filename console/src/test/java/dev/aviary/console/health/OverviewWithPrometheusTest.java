package dev.aviary.console.health;

import dev.aviary.console.cluster.ClusterSnapshot;
import dev.aviary.console.cluster.ConnectionState;
import dev.aviary.console.cluster.PodState;
import dev.aviary.console.cluster.Rollout;
import dev.aviary.console.cluster.ServiceWorkload;
import dev.aviary.console.cluster.VersionWorkload;
import dev.aviary.console.metrics.MetricsProperties;
import dev.aviary.console.metrics.QueryTemplates;
import dev.aviary.console.metrics.RangeResult;
import dev.aviary.console.metrics.Reading;
import dev.aviary.console.metrics.Signal;
import dev.aviary.console.metrics.SignalResult;
import dev.aviary.console.metrics.SeriesKey;
import dev.aviary.console.metrics.prometheus.PrometheusMetrics;
import dev.aviary.platform.Http;
import dev.aviary.platform.PlatformProcess;
import dev.aviary.platform.metrics.PrometheusServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The overview's figures from a real Prometheus (Debian's) scraping two real platform-app processes, v1 healthy
 * and v2 failing 30% of requests: v2's error ratio shows within 0.05 of 0.3 and turns the service Degraded; with
 * Prometheus stopped the figures are unavailable, not zero.
 */
class OverviewWithPrometheusTest {

  static final int REQUESTS_PER_VERSION = 1500;

  @TempDir
  Path dir;

  @Test
  void a_faulty_version_measured_by_prometheus_degrades_the_service_and_a_stopped_prometheus_shows_no_figures()
      throws Exception {
    Path jar = PlatformProcess.packagedJar();
    try (PlatformProcess v1 = PlatformProcess.startJar(jar, Map.of("APP_VERSION", "v1", "WARMUP", "0s"),
        dir.resolve("v1.log"));
         PlatformProcess v2 = PlatformProcess.startJar(jar, Map.of("APP_VERSION", "v2", "WARMUP", "0s",
             "FAULT_ERROR_RATE", "0.3"), dir.resolve("v2.log"))) {
      PrometheusServer prometheus = PrometheusServer.start(dir, Map.of(v1.target(), Map.of("service", "webapi"),
          v2.target(), Map.of("service", "webapi")));
      PrometheusMetrics metrics = new PrometheusMetrics(new MetricsProperties(URI.create(prometheus.url()),
          Duration.ofSeconds(5), Duration.ofMinutes(1), Duration.ofSeconds(10), QueryTemplates.Preset.PLATFORM, "", "",
          Map.of(), Map.of(), null), Clock.systemUTC());
      try {
        prometheus.awaitTargetsUp(2);
        load(v1.http(), v2.http());

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
          ServiceHealth webapi = overview(metrics);
          VersionHealth faulty = webapi.versions().get(1);
          assertThat(faulty.errors()).isInstanceOfSatisfying(Reading.Value.class,
              e -> assertThat(e.value()).isCloseTo(0.3, within(0.05)));
          assertThat(webapi.versions().get(0).errors()).isEqualTo(new Reading.Value(0.0));
          assertThat(webapi.health().status()).isEqualTo(HealthStatus.DEGRADED);
          assertThat(webapi.health().reason()).startsWith("v2 fails ").endsWith("of requests, above the 5.0% limit");
          assertThat(faulty.p99()).isInstanceOfSatisfying(Reading.Value.class,
              p -> assertThat(p.value()).isPositive().isLessThan(10_000));
        });
        Instant now = Instant.now();
        RangeResult errors = metrics.range(Signal.ERROR_RATIO, "webapi", Duration.ofMinutes(1),
            now.minusSeconds(60), now, Duration.ofSeconds(5));
        assertThat(errors.ok()).isTrue();
        assertThat(errors.byVersion()).containsOnlyKeys("v1", "v2");
        assertThat(errors.byVersion().get("v2").getLast().value()).isCloseTo(0.3, within(0.05));
        assertThat(metrics.range(Signal.REQUEST_RATE, "nobody", Duration.ofMinutes(1), now.minusSeconds(60), now,
            Duration.ofSeconds(5)).byVersion()).as("the filter asks for one service only").isEmpty();
      } finally {
        prometheus.close();
      }

      ServiceHealth blind = overview(metrics);
      assertThat(metrics.range(Signal.ERROR_RATIO, "webapi", Duration.ofMinutes(1), Instant.now().minusSeconds(60),
          Instant.now(), Duration.ofSeconds(5)).failure()).contains("cannot connect to Prometheus at");
      assertThat(blind.versions()).allSatisfy(v -> {
        assertThat(v.errors()).isInstanceOf(Reading.Failed.class);
        assertThat(Figures.reading(Signal.ERROR_RATIO, v.errors())).isEqualTo("unavailable");
        assertThat(Figures.reading(Signal.REQUEST_RATE, v.rate())).isEqualTo("unavailable");
      });
      assertThat(blind.health().status()).as("no figures judge nothing").isEqualTo(HealthStatus.HEALTHY);
    }
  }

  @Test
  void series_without_the_service_label_are_named_instead_of_showing_a_silent_no_data() throws Exception {
    try (PlatformProcess v1 = PlatformProcess.startJar(PlatformProcess.packagedJar(), Map.of("APP_VERSION", "v1",
        "WARMUP", "0s"), dir.resolve("v1.log"))) {
      // Scraped as Prometheus does without relabeling: no target label says which service the series belong to.
      PrometheusServer prometheus = PrometheusServer.start(dir, Map.of(v1.target(), Map.of()));
      PrometheusMetrics metrics = new PrometheusMetrics(new MetricsProperties(URI.create(prometheus.url()),
          Duration.ofSeconds(5), Duration.ofMinutes(1), Duration.ofSeconds(10), QueryTemplates.Preset.PLATFORM, "", "",
          Map.of(), Map.of(), null), Clock.systemUTC());
      try {
        prometheus.awaitTargetsUp(1);
        for (int i = 0; i < 300; i++) {
          v1.http().get("/api/v1/documents?size=5");
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
          SignalResult rate = metrics.instant(Signal.REQUEST_RATE, Duration.ofMinutes(1));
          assertThat(rate.ok()).isTrue();
          assertThat(rate.reading(new SeriesKey("webapi", "v1")))
              .isEqualTo(new Reading.NoData("series for http_server_requests_total exist but none has label "
                  + "service=webapi"));
        });
        ServiceHealth webapi = overview(metrics);
        assertThat(Figures.why(webapi.versions().getFirst().rate()))
            .isEqualTo("series for http_server_requests_total exist but none has label service=webapi");
      } finally {
        prometheus.close();
      }
    }
  }

  /** The overview's row for webapi, with both versions ready and figures read from {@code metrics} now. */
  static ServiceHealth overview(PrometheusMetrics metrics) {
    Map<Signal, SignalResult> results = new EnumMap<>(Signal.class);
    for (Signal s : Signal.values()) {
      results.put(s, metrics.instant(s, Duration.ofMinutes(1)));
    }
    Instant now = Instant.now();
    Signals signals = new Signals(metrics.description(), false, now, results, now);
    ClusterSnapshot cluster = new ClusterSnapshot(now, new ConnectionState(ConnectionState.Status.LIVE, now, "live"),
        List.of(new ServiceWorkload("prod", "webapi", List.of(version("v1"), version("v2")), List.of())), List.of());
    OverviewBuilder builder = new OverviewBuilder(new HealthProperties(0.05, 1000, 0.1, Duration.ofSeconds(30),
        Map.of()), new RestartWindow());
    return builder.build(new OverviewBuilder.Inputs(cluster, signals, null, null, Map.of(), Map.of()), now)
        .services().getFirst();
  }

  static VersionWorkload version(String version) {
    return new VersionWorkload("webapi-" + version, version, "platform-app:" + version,
        new Rollout(1, 1, 1, 1, 1, true, false, List.of()), List.of(new PodState("webapi-" + version + "-a",
        "Running", true, 0, "", Instant.now().minusSeconds(3600), null, "node-1", false)), null);
  }

  /** Spreads the requests over a few seconds, so that several scrapes see them rise. */
  static void load(Http v1, Http v2) throws InterruptedException {
    for (int i = 0; i < REQUESTS_PER_VERSION; i++) {
      v1.get("/api/v1/documents?size=5");
      v2.get("/api/v1/documents?size=5");
      if (i % 250 == 249) {
        Thread.sleep(Duration.ofMillis(700));
      }
    }
  }
}
