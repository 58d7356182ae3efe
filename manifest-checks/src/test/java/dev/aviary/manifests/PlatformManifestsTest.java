package dev.aviary.manifests;

import dev.aviary.manifests.ManifestFiles.Manifest;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The platform's GitOps manifests: what Aviary commits and applies must be sound before any change to it. */
class PlatformManifestsTest {

  static final String NAMESPACE = "document-processing";
  /** fabric8 has no model for these; the Gateway API it does type (kubernetes-model-gatewayapi). */
  static final Set<String> GENERIC_GROUPS = Set.of("networking.istio.io", "security.istio.io",
      "monitoring.coreos.com", "gateway.envoyproxy.io");

  final List<Manifest> all = ManifestFiles.parseAll("manifests");

  @Test
  void every_file_parses_into_typed_objects_and_istio_resources_into_generic_ones() {
    assertThat(all).hasSizeGreaterThan(25);
    for (Manifest m : all) {
      String group = m.object().getApiVersion().contains("/") ? m.object().getApiVersion().split("/")[0] : "";
      if (GENERIC_GROUPS.contains(group)) {
        assertThat(m.object()).as(m.toString()).isInstanceOf(GenericKubernetesResource.class);
      } else {
        assertThat(m.object()).as(m + " is a Kubernetes kind fabric8 types").isNotInstanceOf(GenericKubernetesResource.class);
      }
      assertThat(m.name()).as(m + " has a name").isNotBlank();
      if (!(m.object() instanceof Namespace)) {
        assertThat(m.object().getMetadata().getNamespace()).as(m + " names its namespace").isEqualTo(NAMESPACE);
      }
    }
  }

  @Test
  void every_file_is_part_of_the_istio_or_the_gateway_api_rendering() {
    Set<Path> reachable = new HashSet<>(ManifestFiles.reachableFrom("manifests"));
    reachable.addAll(ManifestFiles.reachableFrom("manifests/gateway-api"));
    assertThat(ManifestFiles.yamlFiles(ManifestFiles.ROOT.resolve("manifests")).stream()
        .filter(f -> !ManifestFiles.isKustomization(f) && !f.getParent().endsWith("secret-templates")))
        .as("files no kustomization lists are never applied").allSatisfy(f -> assertThat(reachable).contains(f));
  }

  @Test
  void every_deployment_has_probes_resources_a_non_root_user_and_a_version_label() {
    List<Deployment> deployments = objects(Deployment.class);
    assertThat(deployments).extracting(d -> d.getMetadata().getName())
        .containsExactlyInAnyOrder("webapi-v1", "document-processor-v1");
    deployments.forEach(d -> assertThat(PodSpecChecks.problemsOf(d, "version")).isEmpty());
  }

  @Test
  void the_stores_are_stateful_sets_with_claims_a_headless_service_a_budget_and_only_the_platform_let_in() {
    List<StatefulSet> stores = objects(StatefulSet.class);
    assertThat(stores).extracting(s -> s.getMetadata().getName()).containsExactlyInAnyOrder("postgresql", "redis");
    for (StatefulSet store : stores) {
      String name = store.getMetadata().getName();
      assertThat(PodSpecChecks.problemsOf(store, store.getSpec().getTemplate())).isEmpty();
      assertThat(store.getSpec().getVolumeClaimTemplates()).as(name + " keeps its data on a claim").isNotEmpty();
      assertThat(store.getSpec().getPersistentVolumeClaimRetentionPolicy().getWhenDeleted())
          .as(name + "'s data outlives the StatefulSet").isEqualTo("Retain");
      Service governing = service(store.getSpec().getServiceName());
      assertThat(governing.getSpec().getClusterIP()).as(name + "'s governing Service is headless").isEqualTo("None");
      assertThat(objects(PodDisruptionBudget.class)).as(name + " has a disruption budget").anySatisfy(b ->
          assertThat(b.getSpec().getSelector().getMatchLabels()).isEqualTo(store.getSpec().getSelector()
              .getMatchLabels()));
      NetworkPolicy policy = objects(NetworkPolicy.class).stream().filter(p -> p.getSpec().getPodSelector()
          .getMatchLabels().equals(store.getSpec().getSelector().getMatchLabels())).findFirst()
          .orElseThrow(() -> new AssertionError("no NetworkPolicy selects " + name));
      List<NetworkPolicyPeer> peers = policy.getSpec().getIngress().stream().flatMap(r -> r.getFrom().stream())
          .toList();
      assertThat(peers).as(name + " admits pods of this namespace only, by app").isNotEmpty().allSatisfy(peer -> {
        assertThat(peer.getNamespaceSelector()).isNull();
        assertThat(peer.getPodSelector().getMatchExpressions()).singleElement().satisfies(e ->
            assertThat(e.getValues()).containsExactlyInAnyOrder("webapi", "document-processor"));
      });
    }
  }

  @Test
  void every_secret_a_pod_reads_is_in_the_template_that_says_how_to_create_it_with_that_key() {
    Secret template = (Secret) all.stream().filter(m -> m.kind().equals("Secret")).findFirst().orElseThrow().object();
    List<SecretKeySelector> reads = templates().stream().flatMap(t -> t.getSpec().getContainers().stream())
        .flatMap(c -> c.getEnv().stream()).map(EnvVar::getValueFrom).filter(v -> v != null && v.getSecretKeyRef() != null)
        .map(v -> v.getSecretKeyRef()).toList();
    assertThat(reads).as("the platform and its stores read their passwords from a Secret").hasSizeGreaterThan(4)
        .allSatisfy(ref -> {
          assertThat(ref.getName()).isEqualTo(template.getMetadata().getName());
          assertThat(template.getStringData()).containsKey(ref.getKey());
        });
  }

  @Test
  void deployments_leave_the_replica_count_to_their_autoscaler() {
    List<HorizontalPodAutoscaler> autoscalers = objects(HorizontalPodAutoscaler.class);
    for (Deployment d : objects(Deployment.class)) {
      assertThat(d.getSpec().getReplicas()).as(d.getMetadata().getName() + " must not fight its HPA").isNull();
      assertThat(autoscalers).as("an HPA scales " + d.getMetadata().getName())
          .anySatisfy(h -> assertThat(h.getSpec().getScaleTargetRef().getName()).isEqualTo(d.getMetadata().getName()));
    }
    autoscalers.forEach(h -> assertThat(h.getSpec().getBehavior()).as(h.getMetadata().getName()).isNotNull());
  }

  @Test
  void virtual_service_weights_sum_to_100_and_name_subsets_of_its_destination_rule() {
    List<Manifest> virtualServices = generic("VirtualService");
    assertThat(virtualServices).hasSize(2);
    for (Manifest vs : virtualServices) {
      Set<String> subsets = subsetsOf(host(vs));
      for (Map<?, ?> http : maps(vs.spec("http"))) {
        List<Map<?, ?>> routes = maps(http.get("route"));
        assertThat(routes.stream().mapToInt(r -> ((Number) r.get("weight")).intValue()).sum()).as(vs.toString())
            .isEqualTo(100);
        routes.forEach(r -> assertThat(subsets).as(vs + " routes to a subset its DestinationRule defines")
            .contains((String) ((Map<?, ?>) r.get("destination")).get("subset")));
        assertThat(http.get("retries")).as(vs + " retries").isNotNull();
        assertThat(http.get("timeout")).as(vs + " times out").isNotNull();
      }
    }
  }

  @Test
  void destination_rule_subsets_select_the_pods_of_a_deployment_behind_the_host() {
    for (Manifest dr : generic("DestinationRule")) {
      Service service = service((String) dr.spec("host"));
      assertThat(((Map<?, ?>) dr.spec("trafficPolicy")).get("outlierDetection")).as(dr + " outlier detection").isNotNull();
      for (Map<?, ?> subset : maps(dr.spec("subsets"))) {
        @SuppressWarnings("unchecked")
        Map<String, String> selector = new java.util.HashMap<>((Map<String, String>) subset.get("labels"));
        selector.putAll(service.getSpec().getSelector());
        assertThat(objects(Deployment.class)).as(dr + " subset " + subset.get("name") + " selects pods")
            .anySatisfy(d -> assertThat(d.getSpec().getTemplate().getMetadata().getLabels()).containsAllEntriesOf(selector));
      }
    }
  }

  @Test
  void http_route_weights_sum_to_100_and_point_at_services_that_select_a_version() {
    List<HTTPRoute> routes = objects(HTTPRoute.class);
    assertThat(routes).hasSize(2);
    for (HTTPRoute route : routes) {
      String name = route.getMetadata().getName();
      for (HTTPRouteRule rule : route.getSpec().getRules()) {
        assertThat(rule.getBackendRefs().stream().mapToInt(HTTPBackendRef::getWeight).sum()).as(name).isEqualTo(100);
        for (HTTPBackendRef backend : rule.getBackendRefs()) {
          Service service = service(backend.getName());
          assertThat(service.getSpec().getSelector()).as(name + " backend " + backend.getName()).containsKey("version");
          assertThat(objects(Deployment.class)).anySatisfy(d -> assertThat(d.getSpec().getTemplate().getMetadata()
              .getLabels()).containsAllEntriesOf(service.getSpec().getSelector()));
        }
      }
    }
  }

  @Test
  void secrets_exist_only_as_templates_that_no_kustomization_lists_and_mtls_is_strict() {
    List<Manifest> secrets = all.stream().filter(m -> m.kind().equals("Secret")).toList();
    assertThat(secrets).extracting(m -> m.file().getParent().getFileName().toString()).containsOnly("secret-templates");
    secrets.forEach(m -> assertThat(((Secret) m.object()).getStringData().values())
        .as(m + " holds placeholders only").allSatisfy(v -> assertThat(v).startsWith("<").endsWith(">")));
    assertThat(ManifestFiles.reachableFrom("manifests")).noneMatch(f -> f.toString().contains("secret-templates"));
    Manifest peerAuthentication = all.stream().filter(m -> m.kind().equals("PeerAuthentication")
        && m.name().equals("default")).findFirst().orElseThrow();
    assertThat(((Map<?, ?>) peerAuthentication.spec("mtls")).get("mode")).isEqualTo("STRICT");
  }

  @Test
  void kubectl_kustomize_renders_every_file_of_each_flavour() throws Exception {
    for (String folder : List.of("manifests", "manifests/gateway-api")) {
      List<HasMetadata> rendered = Kustomize.render(folder);
      Set<String> expected = ManifestFiles.reachableFrom(folder).stream().flatMap(f -> ManifestFiles.parse(f).stream())
          .map(o -> o.getApiVersion() + "/" + o.getKind() + "/" + o.getMetadata().getName())
          .collect(Collectors.toSet());
      assertThat(Kustomize.identities(rendered)).as(folder).isEqualTo(expected);
    }
  }

  private List<PodTemplateSpec> templates() {
    return Stream.concat(objects(Deployment.class).stream().map(d -> d.getSpec().getTemplate()),
        objects(StatefulSet.class).stream().map(s -> s.getSpec().getTemplate())).toList();
  }

  private <T> List<T> objects(Class<T> type) {
    return all.stream().map(Manifest::object).filter(type::isInstance).map(type::cast).toList();
  }

  private List<Manifest> generic(String kind) {
    return all.stream().filter(m -> m.kind().equals(kind)).toList();
  }

  private Service service(String name) {
    return objects(Service.class).stream().filter(s -> s.getMetadata().getName().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no Service named " + name));
  }

  private String host(Manifest vs) {
    return (String) ((Map<?, ?>) maps(maps(vs.spec("http")).getFirst().get("route")).getFirst().get("destination"))
        .get("host");
  }

  private Set<String> subsetsOf(String host) {
    return generic("DestinationRule").stream().filter(dr -> host.equals(dr.spec("host")))
        .flatMap(dr -> maps(dr.spec("subsets")).stream()).map(s -> (String) s.get("name")).collect(Collectors.toSet());
  }

  @SuppressWarnings("unchecked")
  private static List<Map<?, ?>> maps(Object list) {
    return (List<Map<?, ?>>) list;
  }
}
