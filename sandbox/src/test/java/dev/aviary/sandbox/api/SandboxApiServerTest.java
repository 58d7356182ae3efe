package dev.aviary.sandbox.api;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class SandboxApiServerTest {

  static final String NS = "document-processing";
  static final ResourceDefinitionContext VIRTUAL_SERVICE = new ResourceDefinitionContext.Builder()
      .withGroup("networking.istio.io").withVersion("v1").withKind("VirtualService").withPlural("virtualservices")
      .withNamespaced(true).build();

  SandboxApiServer server;
  KubernetesClient client;

  @BeforeEach
  void start() {
    server = SandboxApiServer.start(0, Clock.systemUTC());
    client = server.newClient(NS);
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build()).create();
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  static Deployment deployment(String name, int replicas, String image) {
    return new DeploymentBuilder().withNewMetadata().withName(name).withNamespace(NS).addToLabels("app", "webapi")
        .endMetadata().withNewSpec().withReplicas(replicas).withNewSelector().addToMatchLabels("app", "webapi")
        .endSelector().withNewTemplate().withNewMetadata().addToLabels("app", "webapi").endMetadata().withNewSpec()
        .addNewContainer().withName("webapi").withImage(image).addNewPort().withContainerPort(8080).endPort()
        .endContainer().endSpec().endTemplate().endSpec().build();
  }

  @Test
  void created_objects_are_read_updated_listed_with_their_typed_list_kind_and_deleted() {
    Deployment created = client.apps().deployments().resource(deployment("webapi-v1", 2, "webapi:1.0.0")).create();
    assertThat(created.getMetadata().getUid()).isNotBlank();
    assertThat(created.getMetadata().getGeneration()).isEqualTo(1L);

    Deployment edited = client.apps().deployments().withName("webapi-v1").edit(d -> {
      d.getSpec().setReplicas(4);
      return d;
    });
    assertThat(edited.getSpec().getReplicas()).isEqualTo(4);
    assertThat(edited.getMetadata().getGeneration()).isEqualTo(2L);

    String list = get("/apis/apps/v1/namespaces/" + NS + "/deployments", "application/json");
    assertThat(list).contains("\"kind\":\"DeploymentList\"").contains("\"apiVersion\":\"apps/v1\"");
    assertThat(client.apps().deployments().list().getItems()).hasSize(1);

    client.apps().deployments().withName("webapi-v1").delete();
    await().atMost(5, TimeUnit.SECONDS).until(() -> client.apps().deployments().withName("webapi-v1").get() == null);
  }

  @Test
  void an_update_based_on_a_stale_resource_version_is_refused_with_409() {
    Deployment created = client.apps().deployments().resource(deployment("webapi-v1", 2, "webapi:1.0.0")).create();
    client.apps().deployments().withName("webapi-v1").edit(d -> {
      d.getSpec().setReplicas(3);
      return d;
    });
    created.getSpec().setReplicas(7);
    assertThatThrownBy(() -> client.apps().deployments().resource(created).update())
        .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(409));
    assertThat(client.apps().deployments().withName("webapi-v1").get().getSpec().getReplicas()).isEqualTo(3);
  }

  @Test
  void watches_deliver_added_modified_and_deleted_events() throws Exception {
    List<String> events = new CopyOnWriteArrayList<>();
    try (Watch ignored = client.apps().deployments().watch(new Watcher<>() {
      @Override
      public void eventReceived(Action action, Deployment d) {
        events.add(action + " " + d.getMetadata().getName() + " " + d.getSpec().getReplicas());
      }

      @Override
      public void onClose(WatcherException cause) {
      }
    })) {
      client.apps().deployments().resource(deployment("webapi-v1", 2, "webapi:1.0.0")).create();
      client.apps().deployments().withName("webapi-v1").scale(5);
      client.apps().deployments().withName("webapi-v1").delete();
      await().atMost(5, TimeUnit.SECONDS).untilAsserted(() -> assertThat(events)
          .containsSubsequence("ADDED webapi-v1 2", "MODIFIED webapi-v1 5").anyMatch(e -> e.startsWith("DELETED")));
    }
  }

  @Test
  void server_side_apply_creates_then_merges_fields_and_replaces_lists() {
    Deployment first = deployment("webapi-v1", 2, "webapi:1.0.0");
    first.getMetadata().getLabels().put("team", "docs");
    client.apps().deployments().resource(first).fieldManager("aviary").forceConflicts().serverSideApply();

    // another writer adds an annotation aviary never applied: it must survive aviary's next apply
    client.apps().deployments().withName("webapi-v1")
        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"metadata\":{\"annotations\":{\"note\":\"kept\"}}}");

    Deployment second = deployment("webapi-v1", 3, "webapi:1.1.0");
    second.getSpec().getTemplate().getSpec().getContainers().getFirst().getPorts().getFirst().setContainerPort(9090);
    Deployment applied = client.apps().deployments().resource(second).fieldManager("aviary").forceConflicts()
        .serverSideApply();

    assertThat(applied.getSpec().getReplicas()).isEqualTo(3);
    assertThat(applied.getSpec().getTemplate().getSpec().getContainers()).singleElement().satisfies(c -> {
      assertThat(c.getImage()).isEqualTo("webapi:1.1.0");
      assertThat(c.getPorts()).singleElement().satisfies(p -> assertThat(p.getContainerPort()).isEqualTo(9090));
    });
    assertThat(applied.getMetadata().getAnnotations()).containsEntry("note", "kept");
    assertThat(applied.getMetadata().getLabels()).as("label aviary stopped applying").doesNotContainKey("team");
    assertThat(applied.getMetadata().getManagedFields()).anySatisfy(f -> {
      assertThat(f.getManager()).isEqualTo("aviary");
      assertThat(f.getOperation()).isEqualTo("Apply");
    });
  }

  @Test
  void server_side_apply_works_for_istio_resources_through_generic_resources() {
    GenericKubernetesResource vs = new GenericKubernetesResource();
    vs.setApiVersion("networking.istio.io/v1");
    vs.setKind("VirtualService");
    vs.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName("webapi").withNamespace(NS).build());
    vs.setAdditionalProperty("spec", Map.of("hosts", List.of("webapi"), "http", List.of(Map.of("route", List.of(
        Map.of("destination", Map.of("host", "webapi", "subset", "v1"), "weight", 90),
        Map.of("destination", Map.of("host", "webapi", "subset", "v2"), "weight", 10))))));
    client.genericKubernetesResources(VIRTUAL_SERVICE).resource(vs).fieldManager("aviary").forceConflicts()
        .serverSideApply();

    vs.setAdditionalProperty("spec", Map.of("hosts", List.of("webapi"), "http", List.of(Map.of("route", List.of(
        Map.of("destination", Map.of("host", "webapi", "subset", "v1"), "weight", 75),
        Map.of("destination", Map.of("host", "webapi", "subset", "v2"), "weight", 25))))));
    client.genericKubernetesResources(VIRTUAL_SERVICE).resource(vs).fieldManager("aviary").forceConflicts()
        .serverSideApply();

    GenericKubernetesResource live = client.genericKubernetesResources(VIRTUAL_SERVICE).withName("webapi").get();
    assertThat(live.<List<Map<String, Object>>>get("spec", "http", 0, "route"))
        .extracting(r -> r.get("weight")).containsExactly(75, 25);
  }

  @Test
  void json_merge_patch_replaces_arrays_and_deletes_nulls_as_rfc_7386_says() {
    client.apps().deployments().resource(deployment("webapi-v1", 2, "webapi:1.0.0")).create();
    client.apps().deployments().withName("webapi-v1").patch(PatchContext.of(PatchType.JSON_MERGE),
        "{\"metadata\":{\"labels\":{\"app\":null}},\"spec\":{\"template\":{\"spec\":{\"containers\":"
            + "[{\"name\":\"other\",\"image\":\"other:1\"}]}}}}");
    Deployment live = client.apps().deployments().withName("webapi-v1").get();
    assertThat(live.getMetadata().getLabels()).doesNotContainKey("app");
    assertThat(live.getSpec().getTemplate().getSpec().getContainers()).extracting(c -> c.getName())
        .containsExactly("other");
  }

  @Test
  void status_is_kept_apart_from_spec() {
    client.apps().deployments().resource(deployment("webapi-v1", 2, "webapi:1.0.0")).create();
    Deployment withStatus = client.apps().deployments().withName("webapi-v1").get();
    withStatus.setStatus(new DeploymentStatusBuilder().withReplicas(2).withReadyReplicas(2).build());
    client.apps().deployments().resource(withStatus).updateStatus();

    Deployment specUpdate = client.apps().deployments().withName("webapi-v1").get();
    specUpdate.getSpec().setReplicas(6);
    specUpdate.setStatus(null);
    client.apps().deployments().resource(specUpdate).update();

    Deployment live = client.apps().deployments().withName("webapi-v1").get();
    assertThat(live.getSpec().getReplicas()).isEqualTo(6);
    assertThat(live.getStatus().getReadyReplicas()).as("status survives a spec update").isEqualTo(2);
  }

  @Test
  void discovery_announces_the_kinds_it_holds() {
    assertThat(get("/api", "application/json")).contains("\"versions\":[\"v1\"]");
    assertThat(get("/apis", "application/json")).contains("\"name\":\"apps\"").contains("networking.istio.io")
        .contains("gateway.networking.k8s.io");
    assertThat(get("/apis/apps/v1", "application/json")).contains("\"name\":\"deployments\"")
        .contains("\"name\":\"deployments/scale\"").contains("\"kind\":\"Deployment\"");
    assertThat(client.supports("networking.istio.io/v1", "VirtualService")).isTrue();
    assertThat(client.supports("example.com/v1", "Unknown")).isFalse();
  }

  @Test
  void config_maps_without_status_subresource_are_stored_as_sent() {
    client.configMaps().resource(new ConfigMapBuilder().withNewMetadata().withName("settings").endMetadata()
        .addToData("chunk-size", "512").build()).create();
    assertThat(client.configMaps().withName("settings").get().getData()).containsEntry("chunk-size", "512");
  }

  String get(String path, String accept) {
    try (HttpClient http = HttpClient.newHttpClient()) {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.url() + path))
          .header("Accept", accept).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(path).isEqualTo(200);
      return response.body();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
