package dev.aviary.console.routing;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Which version is stable: one rule for the release that replaces it and the slider that moves traffic off it. */
class WeightsTest {

  @Test
  void the_version_with_the_most_traffic_is_stable() {
    assertThat(Weights.stable(List.of("v1", "v2"), Map.of("v1", 10, "v2", 90))).hasValue("v2");
    assertThat(Weights.stable(List.of("v2", "v1"), Map.of("v1", 60, "v2", 40))).hasValue("v1");
  }

  @Test
  void with_a_tie_or_no_traffic_routed_the_first_by_name_is_stable() {
    assertThat(Weights.stable(List.of("v2", "v1"), Map.of("v1", 50, "v2", 50))).hasValue("v1");
    assertThat(Weights.stable(List.of("canary", "blue"), Map.of())).hasValue("blue");
    assertThat(Weights.stable(List.of(), Map.of())).isEmpty();
  }

  @Test
  void versions_the_route_names_but_the_cluster_does_not_run_are_not_chosen() {
    assertThat(Weights.stable(List.of("v1", "v2"), Map.of("v0", 100, "v1", 0, "v2", 0))).hasValue("v1");
  }
}
