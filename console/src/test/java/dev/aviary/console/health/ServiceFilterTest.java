package dev.aviary.console.health;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceFilterTest {

  static ServiceHealth service(String namespace, String name, HealthStatus status) {
    return new ServiceHealth(namespace, name, new Health(status, ""), List.of(), Restarts.NONE,
        new SyncState(SyncState.Kind.SYNCED, ""), null);
  }

  @Test
  void every_word_typed_must_be_in_the_name_namespace_or_health_whatever_the_case() {
    ServiceHealth webapi = service("document-processing", "webapi", HealthStatus.DEGRADED);

    assertThat(ServiceFilter.matches(webapi, "")).isTrue();
    assertThat(ServiceFilter.matches(webapi, "WEB")).isTrue();
    assertThat(ServiceFilter.matches(webapi, "degraded document")).isTrue();
    assertThat(ServiceFilter.matches(webapi, "degraded billing")).isFalse();
    assertThat(ServiceFilter.matches(service("payments", "billing", HealthStatus.HEALTHY), "degraded")).isFalse();
  }
}
