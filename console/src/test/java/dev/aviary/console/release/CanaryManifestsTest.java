package dev.aviary.console.release;

import dev.aviary.console.routing.IstioRouter;
import dev.aviary.console.routing.GatewayApiRouter;

import dev.aviary.console.gitops.InvalidChangeException;
import dev.aviary.console.gitops.ManifestReader;
import dev.aviary.console.gitops.ManifestSet;
import dev.aviary.console.gitops.RepositoryFiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A release's edits on the repository's own manifests, routed by Istio (the root) and by the Gateway API: the canary
 * joins at 0%, takes traffic, the stable takes its template, and removing it leaves the manifests as they were but
 * for the new image.
 */
class CanaryManifestsTest {

  static final ReleasePlan PLAN = ReleaseMachineTest.PLAN;
  final CanaryManifests canary = new CanaryManifests(List.of(new IstioRouter(), new GatewayApiRouter()));
  final RepositoryFiles files = RepositoryFiles.platformManifests();

  static ReleaseSpec spec() {
    return new ReleaseSpec("webapi", "v1", "v2", "ghcr.io/aviary-dev/platform-app:1.1.0", PLAN, "Ada", null);
  }

  Map<String, String> change(String folder, Consumer<ManifestSet> edit) {
    return files.change(folder, edit);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "gateway-api"})
  void a_release_edits_leave_only_the_new_image_behind(String folder) {
    String stableBefore = files.readAt("", "base/webapi/deployment-v1.yaml").orElseThrow();
    Map<String, String> before = Map.copyOf(files.bytes().entrySet().stream()
        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> new String(e.getValue()))));

    change(folder, m -> canary.addCanary(m, spec()));
    ManifestSet added = new ManifestSet(files, folder);
    ManifestReader.Manifest v2 = added.deployment("webapi", "v2");
    assertThat(ManifestSet.name(v2)).isEqualTo("webapi-v2");
    assertThat(ManifestSet.field(v2.object(), "spec", "selector", "matchLabels", "version")).hasValue("v2");
    assertThat(ManifestSet.field(v2.object(), "spec", "template", "spec", "containers", 0, "image"))
        .hasValue("ghcr.io/aviary-dev/platform-app:1.1.0");
    assertThat(ManifestSet.field(v2.object(), "spec", "replicas")).as("the stable autoscaler's minimum").hasValue(3);
    assertThat(canary.router(added, "webapi").weights(added, "webapi")).isEqualTo(Map.of("v1", 100, "v2", 0));

    change(folder, m -> canary.setCanaryWeight(m, spec(), 30));
    ManifestSet weighted = new ManifestSet(files, folder);
    assertThat(canary.router(weighted, "webapi").weights(weighted, "webapi")).isEqualTo(Map.of("v1", 70, "v2", 30));

    Map<String, String> adopted = change(folder, m -> canary.adoptCanaryTemplate(m, spec()));
    assertThat(adopted).containsOnlyKeys("base/webapi/deployment-v1.yaml");
    assertThat(adopted.get("base/webapi/deployment-v1.yaml"))
        .isEqualTo(stableBefore.replace("platform-app:1.0.0", "platform-app:1.1.0"));

    change(folder, m -> canary.setCanaryWeight(m, spec(), 0));
    change(folder, m -> canary.removeCanary(m, spec()));
    before.forEach((path, content) -> assertThat(files.readAt("", path)).as(path)
        .hasValue(path.equals("base/webapi/deployment-v1.yaml") ? adopted.get(path) : content));
    assertThat(files.bytes()).containsOnlyKeys(before.keySet());
  }

  @Test
  void rolling_back_sends_everything_to_stable_and_scales_the_canary_to_zero_in_one_edit() {
    change("", m -> canary.addCanary(m, spec()));
    change("", m -> canary.setCanaryWeight(m, spec(), 25));

    Map<String, String> rolledBack = change("", m -> {
      canary.setCanaryWeight(m, spec(), 0);
      canary.scaleCanaryToZero(m, spec());
    });

    assertThat(rolledBack).containsOnlyKeys("istio/webapi/virtual-service.yaml", "base/webapi/deployment-v2.yaml");
    assertThat(rolledBack.get("base/webapi/deployment-v2.yaml")).contains("\n  replicas: 0");
  }

  @Test
  void a_version_that_exists_already_is_refused_by_name() {
    change("", m -> canary.addCanary(m, spec()));

    assertThatThrownBy(() -> change("", m -> canary.addCanary(m, spec())))
        .isInstanceOf(InvalidChangeException.class)
        .hasMessage("a Deployment webapi-v2 already exists; pick another version name");
  }
}
