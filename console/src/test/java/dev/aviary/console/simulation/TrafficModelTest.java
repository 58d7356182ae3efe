package dev.aviary.console.simulation;

import dev.aviary.console.metrics.Signal;
import dev.aviary.console.routing.RequestMatch;
import dev.aviary.console.routing.RouteTable;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The sandbox's traffic goes where the live route sends it, header routes and mirrors included. */
class TrafficModelTest {

  static final Map<String, TrafficModel.VersionInputs> VERSIONS = Map.of(
      "v1", new TrafficModel.VersionInputs("ghcr.io/aviary-dev/platform-app:1.0.0", 3),
      "v2", new TrafficModel.VersionInputs("ghcr.io/aviary-dev/platform-app:1.1.0-faulty", 3));
  static final Instant NOW = Instant.parse("2026-12-01T06:00:00Z");

  static double share(RouteTable route, String version) {
    return TrafficModel.share(version, new TrafficModel.ServiceInputs(VERSIONS, route));
  }

  @Test
  void weights_split_the_requests() {
    RouteTable route = RouteTable.weighted(Map.of("v1", 90, "v2", 10));
    assertThat(share(route, "v1")).isCloseTo(0.9, within(1e-9));
    assertThat(share(route, "v2")).isCloseTo(0.1, within(1e-9));
  }

  @Test
  void a_header_or_cookie_route_the_sandboxs_testers_match_takes_their_two_percent_and_no_more() {
    for (RequestMatch match : List.of(RequestMatch.header("x-aviary-canary", "always"),
        RequestMatch.cookie("aviary-canary", "always"))) {
      RouteTable route = new RouteTable(List.of(new RouteTable.MatchedRoute(match, "v2")),
          Map.of("v1", 100, "v2", 0), Optional.empty());
      assertThat(share(route, "v2")).as(match.text()).isCloseTo(0.02, within(1e-9));
      assertThat(share(route, "v1")).as(match.text()).isCloseTo(0.98, within(1e-9));
    }
    RouteTable nobodySendsIt = new RouteTable(List.of(new RouteTable.MatchedRoute(
        RequestMatch.header("x-beta", "yes"), "v2")), Map.of("v1", 100, "v2", 0), Optional.empty());
    assertThat(share(nobodySendsIt, "v2")).isZero();
  }

  @Test
  void a_mirrored_version_serves_its_share_on_top_while_users_keep_the_stable() {
    RouteTable route = new RouteTable(List.of(), Map.of("v1", 100, "v2", 0),
        Optional.of(new RouteTable.Mirror("v2", 20)));

    assertThat(share(route, "v1")).isCloseTo(1.0, within(1e-9));
    assertThat(share(route, "v2")).isCloseTo(0.2, within(1e-9));
    var in = new TrafficModel.ServiceInputs(VERSIONS, route);
    double v1 = TrafficModel.value(Signal.REQUEST_RATE, "webapi", "v1", in, NOW);
    assertThat(TrafficModel.value(Signal.REQUEST_RATE, "webapi", "v2", in, NOW)).isCloseTo(v1 * 0.2, within(1e-6));
    assertThat(TrafficModel.value(Signal.ERROR_RATIO, "webapi", "v2", in, NOW)).as("the faulty mirror fails")
        .isGreaterThan(0.15);
  }

  @Test
  void a_previewed_version_serves_the_testers_tenth_on_top_and_no_user_request() {
    RouteTable route = new RouteTable(List.of(), Map.of("v1", 100, "v2", 0), Optional.empty(), Optional.of("v2"));

    assertThat(share(route, "v1")).isCloseTo(1.0, within(1e-9));
    assertThat(share(route, "v2")).isCloseTo(0.1, within(1e-9));
    RouteTable switched = new RouteTable(List.of(), Map.of("v1", 0, "v2", 100), Optional.empty(), Optional.of("v2"));
    assertThat(share(switched, "v2")).as("users, and testers still at the preview").isCloseTo(1.1, within(1e-9));
    assertThat(share(switched, "v1")).isZero();
  }
}
