package dev.aviary.console.gitops;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ManifestDiffTest {

  static final Map<String, Object> DESIRED = ManifestReader.parse("d.yaml", """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: webapi-v1
        labels: {app: webapi}
      spec:
        template:
          spec:
            containers:
              - name: app
                image: platform-app:1.0.0
                resources: {limits: {cpu: "1"}}
              - name: sidecar
                image: proxy:2
      """).getFirst();

  @Test
  void fields_the_server_adds_or_defaults_are_not_drift() {
    Map<String, Object> live = ManifestReader.parse("l.yaml", """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: webapi-v1
          uid: 1234
          resourceVersion: "99"
          labels: {app: webapi}
          managedFields: [{manager: aviary}]
        spec:
          replicas: 3
          template:
            spec:
              containers:
                - name: sidecar
                  image: proxy:2
                - name: app
                  image: platform-app:1.0.0
                  imagePullPolicy: IfNotPresent
                  resources: {limits: {cpu: 1}}
        status: {readyReplicas: 3}
        """).getFirst();

    assertThat(ManifestDiff.diff(DESIRED, live)).isEmpty();
  }

  @Test
  void a_changed_image_and_a_removed_label_are_drift_with_their_paths() {
    Map<String, Object> live = ManifestReader.parse("l.yaml", """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: webapi-v1
        spec:
          template:
            spec:
              containers:
                - name: app
                  image: platform-app:9.9.9
                  resources: {limits: {cpu: "1"}}
        """).getFirst();

    assertThat(ManifestDiff.diff(DESIRED, live)).containsExactly(
        new ManifestDiff.Field("metadata.labels", Map.of("app", "webapi"), null),
        new ManifestDiff.Field("spec.template.spec.containers[app].image", "platform-app:1.0.0", "platform-app:9.9.9"),
        new ManifestDiff.Field("spec.template.spec.containers[sidecar]", Map.of("name", "sidecar", "image", "proxy:2"),
            null));
  }

  @Test
  void unnamed_lists_compare_by_position_and_length() {
    Map<String, Object> desired = Map.of("spec", Map.of("hosts", List.of("webapi", "docs.example")));
    assertThat(ManifestDiff.diff(desired, Map.of("spec", Map.of("hosts", List.of("webapi")))))
        .extracting(ManifestDiff.Field::path).containsExactly("spec.hosts");
    assertThat(ManifestDiff.diff(desired, Map.of("spec", Map.of("hosts", List.of("webapi", "docs.example"))))).isEmpty();
  }
}
