package dev.aviary.console.routing;

import dev.aviary.console.gitops.InvalidChangeException;
import dev.aviary.console.gitops.ManifestSet;
import dev.aviary.console.gitops.RepositoryFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Routes by header or cookie and mirrors, in both routers, on the repository's own manifests: what each writes, that
 * the route table reads it back as the mesh would act on it, and that undoing an edit gives the bytes back.
 */
class RequestRoutingTest {

  static final RequestMatch HEADER = RequestMatch.header("x-aviary-canary", "always");
  static final RequestMatch COOKIE = RequestMatch.cookie("aviary-canary", "always");

  final RepositoryFiles files = RepositoryFiles.platformManifests();

  static TrafficRouter router(String folder) {
    return folder.isEmpty() ? new IstioRouter() : new GatewayApiRouter();
  }

  Map<String, String> change(String folder, Consumer<ManifestSet> edit) {
    return files.change(folder, edit);
  }

  RouteTable table(String folder) {
    ManifestSet manifests = new ManifestSet(files, folder);
    return router(folder).table(manifests, "webapi");
  }

  Map<String, String> snapshot() {
    return files.contents();
  }

  void withCanary(String folder) {
    change(folder, m -> router(folder).addVersion(m, "webapi", "v2", "v1"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "gateway-api"})
  void a_header_route_sends_exactly_the_marked_requests_to_the_canary_and_goes_again_byte_for_byte(String folder) {
    withCanary(folder);
    Map<String, String> before = snapshot();

    change(folder, m -> router(folder).routeTo(m, "webapi", "v2", new SideRoute.Matching(HEADER)));

    RouteTable table = table(folder);
    assertThat(table.matched()).containsExactly(new RouteTable.MatchedRoute(HEADER, "v2"));
    assertThat(table.weights()).isEqualTo(folder.isEmpty() ? Map.of("v1", 100, "v2", 0) : Map.of("v1", 100, "v2", 0));
    assertThat(table.answering(Map.of("x-aviary-canary", "always"), 0.99)).hasValue("v2");
    assertThat(table.answering(Map.of("x-aviary-canary", "sometimes"), 0.99)).hasValue("v1");
    assertThat(table.answering(Map.of(), 0.5)).hasValue("v1");
    assertThat(router(folder).weights(new ManifestSet(files, folder), "webapi"))
        .as("the weights are still the primary route's").containsOnlyKeys("v1", "v2");

    change(folder, m -> router(folder).routeTo(m, "webapi", "v2", new SideRoute.Matching(HEADER)));
    assertThat(table(folder).matched()).as("routing the same again replaces, never repeats").hasSize(1);

    change(folder, m -> router(folder).stop(m, "webapi", "v2", SideRoute.Kind.MATCHING));
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void istio_tries_the_header_route_before_the_primary_one_with_the_primary_routes_retries_and_timeout() {
    withCanary("");
    Map<String, String> changed = change("", m -> new IstioRouter().routeTo(m, "webapi", "v2",
        new SideRoute.Matching(HEADER)));

    assertThat(changed.get("istio/webapi/virtual-service.yaml")).contains("""
          http:
            - name: aviary-match-v2
              match:
              - headers:
                  x-aviary-canary:
                    exact: always
              route:
              - destination:
                  host: webapi
                  subset: v2
                  port:
                    number: 80
              retries:
                attempts: 3
                perTryTimeout: 2s
                retryOn: reset,connect-failure,refused-stream,unavailable
              timeout: 10s
            - name: primary
        """);
  }

  @Test
  void the_gateway_api_header_rule_keeps_the_primary_rules_path_and_timeouts() {
    withCanary("gateway-api");
    Map<String, String> changed = change("gateway-api", m -> new GatewayApiRouter().routeTo(m, "webapi", "v2",
        new SideRoute.Matching(COOKIE)));

    assertThat(changed.get("gateway-api/webapi/http-route.yaml")).endsWith("""
            - matches:
              - path:
                  type: PathPrefix
                  value: /api/
                headers:
                - type: RegularExpression
                  name: cookie
                  value: ^(.*?;\\s*)?aviary-canary=always(;.*)?$
              backendRefs:
              - name: webapi-v2
                port: 80
              timeouts:
                request: 10s
        """);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "gateway-api"})
  void a_cookie_route_matches_the_cookie_among_others_and_nothing_else(String folder) {
    withCanary(folder);
    change(folder, m -> router(folder).routeTo(m, "webapi", "v2", new SideRoute.Matching(COOKIE)));

    RouteTable table = table(folder);
    assertThat(table.matched()).containsExactly(new RouteTable.MatchedRoute(COOKIE, "v2"));
    assertThat(table.answering(Map.of("cookie", "session=1; aviary-canary=always; theme=dark"), 0.5)).hasValue("v2");
    assertThat(table.answering(Map.of("cookie", "aviary-canary=always"), 0.5)).hasValue("v2");
    assertThat(table.answering(Map.of("cookie", "aviary-canary=alwaysnot"), 0.5)).hasValue("v1");
    assertThat(table.answering(Map.of("cookie", "xaviary-canary=always"), 0.5)).hasValue("v1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "gateway-api"})
  void a_mirror_copies_its_share_to_the_canary_and_stopping_it_gives_the_bytes_back(String folder) {
    withCanary(folder);
    Map<String, String> before = snapshot();

    change(folder, m -> router(folder).routeTo(m, "webapi", "v2", new SideRoute.Mirroring(20)));
    RouteTable table = table(folder);
    assertThat(table.mirror()).hasValue(new RouteTable.Mirror("v2", 20));
    assertThat(table.answering(Map.of(), 0.999)).as("users only get the stable's answers").hasValue("v1");
    assertThat(table.mirroredTo(0.19)).hasValue("v2");
    assertThat(table.mirroredTo(0.2)).isEmpty();

    change(folder, m -> router(folder).routeTo(m, "webapi", "v2", new SideRoute.Mirroring(50)));
    assertThat(table(folder).mirror()).as("a new share replaces the old").hasValue(new RouteTable.Mirror("v2", 50));

    change(folder, m -> router(folder).stop(m, "webapi", "v2", SideRoute.Kind.MIRRORING));
    assertThat(snapshot()).isEqualTo(before);
    change(folder, m -> router(folder).stop(m, "webapi", "v2", SideRoute.Kind.MIRRORING));
    assertThat(snapshot()).as("stopping twice changes nothing").isEqualTo(before);
  }

  @Test
  void istio_mirrors_on_the_primary_route_and_the_gateway_api_with_a_request_mirror_filter() {
    withCanary("");
    withCanary("gateway-api");

    Map<String, String> istio = change("", m -> new IstioRouter().routeTo(m, "webapi", "v2",
        new SideRoute.Mirroring(20)));
    Map<String, String> gateway = change("gateway-api", m -> new GatewayApiRouter().routeTo(m, "webapi", "v2",
        new SideRoute.Mirroring(20)));

    assertThat(istio.get("istio/webapi/virtual-service.yaml")).endsWith("""
              timeout: 10s
              mirror:
                host: webapi
                subset: v2
                port:
                  number: 80
              mirrorPercentage:
                value: 20
        """);
    assertThat(gateway.get("gateway-api/webapi/http-route.yaml")).endsWith("""
              timeouts:
                request: 10s
              filters:
                - type: RequestMirror
                  requestMirror:
                    backendRef:
                      name: webapi-v2
                      port: 80
                    percent: 20
        """);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "gateway-api"})
  void removing_a_version_takes_its_header_route_and_mirror_with_it(String folder) {
    Map<String, String> original = snapshot();
    withCanary(folder);
    change(folder, m -> {
      router(folder).routeTo(m, "webapi", "v2", new SideRoute.Matching(HEADER));
      router(folder).routeTo(m, "webapi", "v2", new SideRoute.Mirroring(10));
    });
    assertThat(table(folder).matched()).hasSize(1);

    change(folder, m -> router(folder).removeVersion(m, "webapi", "v2"));

    assertThat(table(folder)).isEqualTo(RouteTable.weighted(Map.of("v1", 100)));
    assertThat(snapshot()).isEqualTo(original);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "gateway-api"})
  void routing_to_a_version_the_router_does_not_know_is_refused_and_nothing_is_written(String folder) {
    ManifestSet manifests = new ManifestSet(files, folder);

    assertThatThrownBy(() -> router(folder).routeTo(manifests, "webapi", "v9", new SideRoute.Matching(HEADER)))
        .isInstanceOf(InvalidChangeException.class).hasMessageContaining("v9");
    assertThatThrownBy(() -> router(folder).routeTo(manifests, "webapi", "v9", new SideRoute.Mirroring(10)))
        .isInstanceOf(InvalidChangeException.class).hasMessageContaining("v9");
    assertThatThrownBy(() -> router(folder).routeTo(manifests, "webapi", "v1", new SideRoute.Mirroring(0)))
        .hasMessage("a mirror's share must be between 1 and 100 percent, got 0");
    assertThat(manifests.changedFiles()).isEmpty();
  }

  @Test
  void a_request_match_is_read_from_its_text_and_refuses_what_a_router_cannot_spell() {
    assertThat(RequestMatch.parse("header:X-Aviary-Canary=always")).isEqualTo(HEADER);
    assertThat(RequestMatch.parse("cookie:aviary-canary=always")).isEqualTo(COOKIE);
    assertThat(COOKIE.text()).isEqualTo("cookie:aviary-canary=always");
    assertThatThrownBy(() -> RequestMatch.parse("query:canary=1"))
        .hasMessageContaining("must read header:<name>=<value> or cookie:<name>=<value>");
    assertThatThrownBy(() -> RequestMatch.header("x-canary", "a b"))
        .hasMessage("header value 'a b' must be letters, digits, '-', '_' or '.' (at most 63)");
    assertThat(RequestMatch.ofCookieRegex("^user=admin$")).as("not one Aviary wrote").isEqualTo(Optional.empty());
    assertThat(List.of(HEADER.matches(Map.of("x-aviary-canary", "always")), COOKIE.matches(Map.of())))
        .containsExactly(true, false);
  }
}
