package dev.aviary.console.gitops;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class YamlEditorTest {

  static final String VIRTUAL_SERVICE = """
      # Aviary moves canary traffic here — weights sum to 100.
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata:
        name: webapi
      spec:
        hosts:
          - webapi
        http:
          - name: primary
            route:
              - destination:
                  host: webapi
                  subset: v1
                weight: 100 # stable
            retries:
              attempts: 3
            timeout: 10s
      """;

  @Test
  void replacing_a_scalar_changes_only_that_value_and_keeps_comments() {
    String edited = new YamlEditor(VIRTUAL_SERVICE)
        .set(0, List.of("spec", "http", 0, "route", 0, "weight"), 75).text();

    assertThat(edited).isEqualTo(VIRTUAL_SERVICE.replace("weight: 100 # stable", "weight: 75 # stable"));
  }

  @Test
  void appending_a_list_item_uses_the_lists_indentation_and_parses_back() {
    Map<String, Object> destination = new LinkedHashMap<>();
    destination.put("host", "webapi");
    destination.put("subset", "v2");
    Map<String, Object> route = new LinkedHashMap<>();
    route.put("destination", destination);
    route.put("weight", 25);

    String edited = new YamlEditor(VIRTUAL_SERVICE).append(0, List.of("spec", "http", 0, "route"), route).text();

    assertThat(edited).isEqualTo(VIRTUAL_SERVICE.replace("          weight: 100 # stable\n",
        "          weight: 100 # stable\n"
            + "        - destination:\n"
            + "            host: webapi\n"
            + "            subset: v2\n"
            + "          weight: 25\n"));
    Map<String, Object> parsed = ManifestReader.parse("vs.yaml", edited).getFirst();
    assertThat(parsed.toString()).contains("subset=v2").contains("weight=25").contains("timeout=10s");
  }

  @Test
  void an_item_inserted_before_another_takes_its_place_and_indentation_and_parses_back() {
    Map<String, Object> rule = new LinkedHashMap<>();
    rule.put("name", "canary-by-header");
    rule.put("match", List.of(Map.of("headers", Map.of("x-aviary-canary", Map.of("exact", "always")))));

    String edited = new YamlEditor(VIRTUAL_SERVICE).insert(0, List.of("spec", "http"), 0, rule).text();

    assertThat(edited).isEqualTo(VIRTUAL_SERVICE.replace("    - name: primary\n", ""
        + "    - name: canary-by-header\n"
        + "      match:\n"
        + "      - headers:\n"
        + "          x-aviary-canary:\n"
        + "            exact: always\n"
        + "    - name: primary\n"));
    assertThat(ManifestReader.parse("vs.yaml", edited).getFirst().toString()).contains("exact=always");
  }

  @Test
  void a_list_item_replaced_by_a_mapping_keeps_its_dash_and_column() {
    Map<String, Object> destination = new LinkedHashMap<>();
    destination.put("host", "webapi");
    destination.put("subset", "v2");
    Map<String, Object> route = new LinkedHashMap<>();
    route.put("destination", destination);
    route.put("weight", 100);

    String edited = new YamlEditor(VIRTUAL_SERVICE).set(0, List.of("spec", "http", 0, "route", 0), route).text();

    assertThat(edited).isEqualTo(VIRTUAL_SERVICE.replace("subset: v1\n          weight: 100 # stable",
        "subset: v2\n          weight: 100"));
  }

  @Test
  void removing_a_key_takes_its_whole_value_and_nothing_else() {
    String edited = new YamlEditor(VIRTUAL_SERVICE).removeKey(0, List.of("spec", "http", 0, "retries")).text();

    assertThat(edited).isEqualTo(VIRTUAL_SERVICE.replace("      retries:\n        attempts: 3\n", ""));
    assertThatThrownBy(() -> new YamlEditor(VIRTUAL_SERVICE).removeKey(0, List.of("spec", "http", 0, "mirror")))
        .isInstanceOf(GitOpsException.class).hasMessageContaining("spec.http[0].mirror");
    assertThatThrownBy(() -> new YamlEditor("a:\n  b: 1\n").removeKey(0, List.of("a", "b")))
        .hasMessageContaining("only entry of a");
  }

  @Test
  void a_missing_key_is_added_to_its_mapping_at_the_mappings_indentation() {
    String deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: webapi-v1
        spec:
          # the HPA owns replicas
          selector:
            matchLabels:
              app: webapi
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: webapi
        """;

    String edited = new YamlEditor(deployment).set(0, List.of("spec", "replicas"), 4).text();

    assertThat(edited).contains("""
            matchLabels:
              app: webapi
          replicas: 4
        ---
        """);
    assertThat(ManifestReader.parse("d.yaml", edited)).hasSize(2);
  }

  @Test
  void the_same_edit_twice_gives_the_same_bytes() {
    YamlEditor once = new YamlEditor(VIRTUAL_SERVICE).set(0, List.of("metadata", "name"), "webapi canary");
    assertThat(once.text()).contains("name: \"webapi canary\"");
    assertThat(new YamlEditor(once.text()).set(0, List.of("metadata", "name"), "webapi canary").text())
        .isEqualTo(once.text());
  }

  @Test
  void a_path_that_does_not_exist_is_refused_by_name() {
    assertThatThrownBy(() -> new YamlEditor(VIRTUAL_SERVICE).set(0, List.of("spec", "tcp", 0, "weight"), 1))
        .isInstanceOf(GitOpsException.class).hasMessageContaining("spec.tcp[0]");
    assertThatThrownBy(() -> new YamlEditor("a: {b: 1}\n").set(0, List.of("a", "c"), 1))
        .hasMessageContaining("flow-style");
  }
}
