package dev.aviary.console.routing;

import dev.aviary.console.gitops.InvalidChangeException;
import dev.aviary.console.gitops.ManifestSet;
import dev.aviary.console.gitops.RepositoryFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A blue-green release's preview in both routers, on the repository's own manifests: the preview Service and its
 * route written beside the service's route, read back as the mesh would act on them, and gone again byte for byte.
 */
class PreviewRoutingTest {

  final RepositoryFiles files = RepositoryFiles.platformManifests();

  static TrafficRouter router(String folder) {
    return RequestRoutingTest.router(folder);
  }

  Map<String, String> change(String folder, java.util.function.Consumer<ManifestSet> edit) {
    return files.change(folder, edit);
  }

  RouteTable table(String folder) {
    return router(folder).table(new ManifestSet(files, folder), "webapi");
  }

  void withGreen(String folder) {
    change(folder, m -> router(folder).addVersion(m, "webapi", "v2", "v1"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "gateway-api"})
  void a_preview_answers_with_the_green_version_while_users_stay_on_blue_and_goes_again_byte_for_byte(String folder) {
    withGreen(folder);
    Map<String, String> before = files.contents();

    change(folder, m -> router(folder).routeTo(m, "webapi", "v2", new SideRoute.Previewing()));

    RouteTable table = table(folder);
    assertThat(table.preview()).hasValue("v2");
    assertThat(table.weights()).isEqualTo(Map.of("v1", 100, "v2", 0));
    assertThat(table.matched()).isEmpty();
    assertThat(table.mirror()).isEmpty();
    assertThat(router(folder).weights(new ManifestSet(files, folder), "webapi"))
        .as("the preview Service is no version of its own").containsOnlyKeys("v1", "v2");

    change(folder, m -> router(folder).stop(m, "webapi", "v2", SideRoute.Kind.PREVIEWING));
    assertThat(table(folder).preview()).isEmpty();
    assertThat(files.contents()).isEqualTo(before);
  }

  @Test
  void the_istio_preview_is_a_service_for_the_green_pods_and_a_mesh_only_virtual_service_for_it() {
    withGreen("");
    Map<String, String> changed = change("", m -> new IstioRouter().routeTo(m, "webapi", "v2",
        new SideRoute.Previewing()));

    assertThat(changed.get("istio/webapi/kustomization.yaml")).contains("- preview.yaml");
    assertThat(changed.get("istio/webapi/preview.yaml")).isEqualTo("""
        # Written by Aviary for a blue-green release: webapi-preview answers with the version being previewed,
        # never with users' traffic. Removed when the release switches back or ends.
        apiVersion: v1
        kind: Service
        metadata:
          name: webapi-preview
          namespace: document-processing
          labels:
            app: webapi
            app.kubernetes.io/part-of: document-processing
        spec:
          type: ClusterIP
          selector:
            app: webapi
            version: v2
          ports:
          - name: http
            port: 80
            targetPort: http
          - name: http-metrics
            port: 9090
            targetPort: metrics
        ---
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: webapi-preview
          namespace: document-processing
          labels:
            app: webapi
            app.kubernetes.io/part-of: document-processing
        spec:
          hosts:
          - webapi-preview
          gateways:
          - mesh
          http:
          - name: preview
            route:
            - destination:
                host: webapi-preview
                port:
                  number: 80
            retries:
              attempts: 3
              perTryTimeout: 2s
              retryOn: reset,connect-failure,refused-stream,unavailable
            timeout: 10s
        """);
  }

  @Test
  void the_gateway_api_preview_route_is_on_the_primary_routes_gateway_and_host_for_requests_asking_for_it() {
    withGreen("gateway-api");
    Map<String, String> changed = change("gateway-api", m -> new GatewayApiRouter().routeTo(m, "webapi", "v2",
        new SideRoute.Previewing()));

    assertThat(changed.get("gateway-api/webapi/preview.yaml")).contains("""
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata:
          name: webapi-preview
          namespace: document-processing
          labels:
            app: webapi
            app.kubernetes.io/part-of: document-processing
        spec:
          parentRefs:
          - name: platform-gateway
            sectionName: https
          hostnames:
          - docs.aviary.example
          rules:
          - matches:
            - path:
                type: PathPrefix
                value: /api/
              headers:
              - name: x-aviary-preview
                value: 'true'
            backendRefs:
            - name: webapi-preview
              port: 80
            timeouts:
              request: 10s
        """);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "gateway-api"})
  void previewing_another_version_moves_only_the_preview_services_selector(String folder) {
    change(folder, m -> router(folder).addVersion(m, "webapi", "v2", "v1"));
    change(folder, m -> router(folder).addVersion(m, "webapi", "v3", "v1"));
    change(folder, m -> router(folder).routeTo(m, "webapi", "v2", new SideRoute.Previewing()));

    Map<String, String> changed = change(folder, m -> router(folder).routeTo(m, "webapi", "v3",
        new SideRoute.Previewing()));

    assertThat(changed).containsOnlyKeys((folder.isEmpty() ? "istio" : folder) + "/webapi/preview.yaml");
    assertThat(table(folder).preview()).hasValue("v3");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "gateway-api"})
  void removing_the_previewed_version_takes_its_preview_with_it(String folder) {
    withGreen(folder);
    change(folder, m -> router(folder).routeTo(m, "webapi", "v2", new SideRoute.Previewing()));

    change(folder, m -> router(folder).removeVersion(m, "webapi", "v2"));

    assertThat(table(folder).preview()).isEmpty();
    assertThat(files.contents()).doesNotContainKey((folder.isEmpty() ? "istio" : folder) + "/webapi/preview.yaml");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "gateway-api"})
  void previewing_a_version_the_route_does_not_know_is_refused_naming_it(String folder) {
    Map<String, String> before = files.contents();

    assertThatThrownBy(() -> change(folder, m -> router(folder).routeTo(m, "webapi", "v9", new SideRoute.Previewing())))
        .isInstanceOf(InvalidChangeException.class).hasMessageContaining("v9");
    assertThat(files.contents()).isEqualTo(before);
    assertThat(table(folder).preview()).isEqualTo(Optional.empty());
  }
}
