package dev.aviary.console.oncall;

import dev.aviary.console.cluster.ConnectionState;
import dev.aviary.console.health.Health;
import dev.aviary.console.health.HealthStatus;
import dev.aviary.console.health.Overview;
import dev.aviary.console.health.Restarts;
import dev.aviary.console.health.ServiceHealth;
import dev.aviary.console.health.Signals;
import dev.aviary.console.health.SyncState;
import dev.aviary.console.health.VersionHealth;
import dev.aviary.console.metrics.Reading;
import dev.aviary.console.notifications.Notice;
import dev.aviary.console.notifications.NoticeKind;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Which overviews, seen second by second, are worth telling about, with a 60-second hold. */
class ServiceWatchTest {

  static final Instant T0 = Instant.parse("2026-11-30T03:00:00Z");
  /** The record every console reads, in memory: the last health notice told per service. */
  final Map<String, NoticeKind> recorded = new HashMap<>();
  final ServiceWatch.HealthRecord record = new ServiceWatch.HealthRecord() {
    @Override
    public boolean toldUnwell(String key) {
      return recorded.containsKey(key) && recorded.get(key) != NoticeKind.SERVICE_RECOVERED;
    }

    @Override
    public void told(String key, Notice notice) {
      recorded.put(key, notice.kind());
    }
  };
  final ServiceWatch watch = new ServiceWatch(Duration.ofSeconds(60), path -> "https://aviary.example" + path,
      record);
  final List<Notice> told = new ArrayList<>();
  Instant now = T0;

  static Overview overview(boolean live, ServiceHealth... services) {
    return new Overview(T0, new ConnectionState(live ? ConnectionState.Status.LIVE : ConnectionState.Status.STALE,
        T0, ""), new Signals("test", false, T0, Map.of(), T0), null, List.of(services));
  }

  static ServiceHealth service(String name, HealthStatus status, String reason, SyncState.Kind sync) {
    Health health = new Health(status, reason);
    VersionHealth v1 = new VersionHealth("v1", "app:1", status == HealthStatus.HEALTHY ? 3 : 1, 3, 100,
        new Reading.NoData("n/a"), new Reading.NoData("n/a"), new Reading.NoData("n/a"), health);
    return new ServiceHealth("prod", name, health, List.of(v1), Restarts.NONE, new SyncState(sync, "spec.replicas "
        + "differs"), null);
  }

  static ServiceHealth healthy(String name) {
    return service(name, HealthStatus.HEALTHY, "", SyncState.Kind.SYNCED);
  }

  static ServiceHealth degraded(String name) {
    return service(name, HealthStatus.DEGRADED, "1 of 3 pods ready", SyncState.Kind.SYNCED);
  }

  /** Shows the same overview every second for {@code seconds} seconds. */
  void see(Overview overview, int seconds) {
    for (int i = 0; i < seconds; i++) {
      told.addAll(watch.observe(overview, now));
      now = now.plusSeconds(1);
    }
  }

  @Test
  void a_service_that_stays_degraded_past_the_hold_is_told_once_and_its_recovery_once() {
    see(overview(true, healthy("webapi")), 5);
    see(overview(true, degraded("webapi")), 120);
    see(overview(true, healthy("webapi")), 120);

    assertThat(told).extracting(Notice::kind).containsExactly(NoticeKind.SERVICE_DEGRADED,
        NoticeKind.SERVICE_RECOVERED);
    Notice degraded = told.getFirst();
    assertThat(degraded.title()).isEqualTo("webapi is Degraded");
    assertThat(degraded.text()).isEqualTo("1 of 3 pods ready");
    assertThat(degraded.figures()).containsExactly("v1: 1 of 3 ready, Degraded (1 of 3 pods ready)");
    assertThat(degraded.at()).isEqualTo(T0.plusSeconds(5 + 60));
    assertThat(degraded.link()).isEqualTo("https://aviary.example/services/prod/webapi");
    assertThat(told.getLast().title()).isEqualTo("webapi recovered (was Degraded)");
  }

  @Test
  void a_service_flapping_faster_than_the_hold_is_not_told() {
    see(overview(true, healthy("webapi")), 5);
    for (int i = 0; i < 10; i++) {
      see(overview(true, degraded("webapi")), 30);
      see(overview(true, healthy("webapi")), 30);
    }

    assertThat(told).isEmpty();
  }

  @Test
  void what_a_service_is_when_first_seen_counts_as_told_and_a_stale_picture_judges_nothing() {
    see(overview(true, degraded("webapi")), 120);
    assertThat(told).as("already Degraded when watching began").isEmpty();

    see(overview(false, healthy("webapi")), 120);
    assertThat(told).as("the cluster's picture is stale").isEmpty();

    see(overview(true, service("webapi", HealthStatus.MISSING, "Deployment webapi-v1 is not in the cluster",
        SyncState.Kind.SYNCED)), 61);
    assertThat(told).extracting(Notice::kind).containsExactly(NoticeKind.SERVICE_MISSING);
  }

  @Test
  void a_service_unwell_when_first_seen_that_nobody_was_told_of_is_not_told_as_recovered() {
    see(overview(true, degraded("webapi")), 30);
    see(overview(true, healthy("webapi")), 120);

    assertThat(told).as("pods coming up as the console started").isEmpty();
  }

  @Test
  void a_degradation_told_by_the_console_before_is_followed_by_its_recovery_and_the_record_kept() {
    recorded.put("prod/webapi", NoticeKind.SERVICE_DEGRADED);

    see(overview(true, degraded("webapi")), 30);
    assertThat(told).as("told already, by the leader before").isEmpty();
    see(overview(true, healthy("webapi")), 120);

    assertThat(told).extracting(Notice::kind).containsExactly(NoticeKind.SERVICE_RECOVERED);
    assertThat(recorded).containsEntry("prod/webapi", NoticeKind.SERVICE_RECOVERED);
  }

  @Test
  void drift_that_lasts_is_told_as_out_of_sync_with_what_differs() {
    see(overview(true, healthy("webapi")), 5);
    see(overview(true, service("webapi", HealthStatus.HEALTHY, "", SyncState.Kind.OUT_OF_SYNC)), 30);
    see(overview(true, healthy("webapi")), 5);
    assertThat(told).as("a moment out of sync, as between a commit and its apply").isEmpty();

    see(overview(true, service("webapi", HealthStatus.HEALTHY, "", SyncState.Kind.OUT_OF_SYNC)), 90);

    assertThat(told).singleElement().satisfies(n -> {
      assertThat(n.kind()).isEqualTo(NoticeKind.SERVICE_OUT_OF_SYNC);
      assertThat(n.text()).startsWith("spec.replicas differs. A change was made outside Aviary");
    });
  }
}
