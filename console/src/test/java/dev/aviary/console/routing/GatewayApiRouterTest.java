package dev.aviary.console.routing;

import dev.aviary.console.gitops.InvalidChangeException;
import dev.aviary.console.gitops.ManifestReader;
import dev.aviary.console.gitops.ManifestSet;
import dev.aviary.console.gitops.RepositoryFiles;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Gateway API flavour of the repository's own manifests (manifests/gateway-api). */
class GatewayApiRouterTest {

  static final String SERVICE_V2 = """
      apiVersion: v1
      kind: Service
      metadata:
        name: webapi-v2
        namespace: document-processing
      spec:
        selector:
          app: webapi
          version: v2
        ports:
          - name: http
            port: 80
      """;

  final RepositoryFiles files = RepositoryFiles.platformManifests();
  final GatewayApiRouter router = new GatewayApiRouter();

  @Test
  void reads_the_weights_of_the_route_by_version() {
    ManifestSet manifests = new ManifestSet(files, "gateway-api");

    assertThat(router.routes(manifests, "webapi")).isTrue();
    assertThat(router.weights(manifests, "webapi")).isEqualTo(Map.of("v1", 100));
    assertThat(new IstioRouter().routes(manifests, "webapi")).isFalse();
  }

  @Test
  void a_canary_backend_is_appended_next_to_the_stable_one_with_the_same_port() {
    files.with("gateway-api/webapi/service-v2.yaml", SERVICE_V2).with("gateway-api/webapi/kustomization.yaml",
        "resources: [service-v1.yaml, service-v2.yaml, http-route.yaml]\n");
    ManifestSet manifests = new ManifestSet(files, "gateway-api");

    router.setWeights(manifests, "webapi", Map.of("v1", 90, "v2", 10));

    String route = manifests.changedFiles().get("gateway-api/webapi/http-route.yaml");
    assertThat(route).contains("""
                - name: webapi-v1
                  port: 80
                  weight: 90
                - name: webapi-v2
                  port: 80
                  weight: 10
        """);
    assertThat(ManifestReader.parse("route", route)).hasSize(1);
  }

  @Test
  void weights_that_the_gateway_api_cannot_take_are_refused_by_name() {
    ManifestSet manifests = new ManifestSet(files, "gateway-api");

    assertThatThrownBy(() -> router.setWeights(manifests, "webapi", Map.of("v1", 0)))
        .isInstanceOf(InvalidChangeException.class).hasMessageContaining("must not all be zero");
    assertThatThrownBy(() -> router.setWeights(manifests, "webapi", Map.of("v1", 2_000_000)))
        .hasMessage("weight for v1 must be between 0 and 1000000, got 2000000");
    assertThatThrownBy(() -> router.setWeights(manifests, "webapi", Map.of("v1", 1, "v2", 1)))
        .hasMessageContaining("no Service selects webapi version 'v2'");
    assertThatThrownBy(() -> router.setWeights(manifests, "webapi", Map.of("v2", 1)))
        .hasMessageContaining("missing [v1]");
    assertThat(manifests.changedFiles()).isEmpty();
  }
}
