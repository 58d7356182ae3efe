package dev.aviary.sandbox.api;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.mockwebserver.crud.AttributeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IndexedCrudDispatcherTest {

  SandboxDispatcher dispatcher;
  SandboxApiServer server;
  KubernetesClient client;

  @BeforeEach
  void start() {
    dispatcher = new SandboxDispatcher(ResourceCatalog.standard(), Clock.systemUTC());
    server = SandboxApiServer.serving(dispatcher, 0);
    client = server.newClient("a");
    for (String ns : List.of("a", "b")) {
      client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
          .create();
    }
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  static ConfigMap configMap(String ns, String name, String label) {
    return new ConfigMapBuilder().withNewMetadata().withNamespace(ns).withName(name).addToLabels("tier", label)
        .endMetadata().addToData("k", label).build();
  }

  @Test
  void objects_of_one_name_in_other_kinds_and_namespaces_are_told_apart() {
    client.configMaps().inNamespace("a").resource(configMap("a", "same", "x")).create();
    client.configMaps().inNamespace("b").resource(configMap("b", "same", "y")).create();
    client.apps().deployments().inNamespace("a").resource(SandboxApiServerTest.deployment("same", 1, "app:1"))
        .create();

    assertThat(client.configMaps().inNamespace("a").withName("same").get().getData()).containsEntry("k", "x");
    assertThat(client.configMaps().inNamespace("b").withName("same").get().getData()).containsEntry("k", "y");
    assertThatThrownBy(() -> client.configMaps().inNamespace("a").resource(configMap("a", "same", "z")).create())
        .isInstanceOf(KubernetesClientException.class).extracting(e -> ((KubernetesClientException) e).getCode())
        .isEqualTo(409);

    client.configMaps().inNamespace("a").withName("same").delete();
    assertThat(client.configMaps().inNamespace("a").withName("same").get()).isNull();
    assertThat(client.apps().deployments().inNamespace("a").withName("same").get()).isNotNull();
    client.configMaps().inNamespace("a").resource(configMap("a", "same", "again")).create();
    assertThat(client.configMaps().inNamespace("a").withName("same").get().getData()).containsEntry("k", "again");
  }

  @Test
  void an_object_whose_labels_change_is_found_by_name_and_by_its_new_labels_only() {
    client.configMaps().inNamespace("a").resource(configMap("a", "moving", "old")).create();
    client.configMaps().inNamespace("a").withName("moving").edit(c -> configMap("a", "moving", "new"));
    client.configMaps().inNamespace("a").withName("moving").edit(c -> {
      c.getData().put("edited", "twice");
      return c;
    });

    assertThat(client.configMaps().inNamespace("a").withName("moving").get().getData())
        .containsEntry("k", "new").containsEntry("edited", "twice");
    assertThat(client.configMaps().inNamespace("a").withLabel("tier", "new").list().getItems()).hasSize(1);
    assertThat(client.configMaps().inNamespace("a").withLabel("tier", "old").list().getItems()).isEmpty();
  }

  @Test
  void after_many_mixed_writes_the_index_answers_as_a_scan_of_the_store_would() {
    Random random = new Random(16);
    List<String> live = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      String ns = random.nextBoolean() ? "a" : "b";
      String name = "cm-" + random.nextInt(60);
      String id = ns + "/" + name;
      var resource = client.configMaps().inNamespace(ns).withName(name);
      if (!live.contains(id)) {
        resource.create(configMap(ns, name, "l" + random.nextInt(3)));
        live.add(id);
      } else if (random.nextInt(4) == 0) {
        resource.delete();
        live.remove(id);
      } else {
        resource.edit(c -> configMap(ns, name, "l" + random.nextInt(3)));
      }
    }

    assertThat(dispatcher.indexed()).as("the index was in use throughout").isTrue();
    for (int n = 0; n < 60; n++) {
      for (String ns : List.of("a", "b")) {
        AttributeSet query = dispatcher.getKey("/api/v1/namespaces/" + ns + "/configmaps/cm-" + n);
        List<Map.Entry<AttributeSet, String>> scanned = dispatcher.getMap().entrySet().stream()
            .filter(e -> e.getKey().matches(query)).toList();
        Map.Entry<AttributeSet, String> found = dispatcher.findResource(query);
        if (live.contains(ns + "/cm-" + n)) {
          assertThat(scanned).hasSize(1);
          assertThat(found).isEqualTo(scanned.getFirst());
        } else {
          assertThat(scanned).isEmpty();
          assertThat(found).isNull();
        }
      }
    }
  }
}
