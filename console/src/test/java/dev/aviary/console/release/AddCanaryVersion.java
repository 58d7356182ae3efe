package dev.aviary.console.release;

import dev.aviary.console.gitops.Intent;
import dev.aviary.console.gitops.ManifestSet;

import java.util.List;
import java.util.Map;

/**
 * Adds webapi v2 next to v1 in the sandbox's manifests (a Deployment and its DestinationRule subset), the way the
 * release feature will: through the pipeline. For tests that need a canary to move traffic to.
 */
public final class AddCanaryVersion implements Intent {

  @Override
  public String service() {
    return "webapi";
  }

  @Override
  public String action() {
    return "add-version";
  }

  @Override
  public String summary() {
    return "add version v2";
  }

  @Override
  public void edit(ManifestSet manifests) {
    String v1 = manifests.read("base/webapi/deployment-v1.yaml").orElseThrow();
    manifests.write("base/webapi/deployment-v2.yaml", v1.replace("webapi-v1", "webapi-v2")
        .replace("version: v1", "version: v2").replace("value: v1", "value: v2")
        .replace("platform-app:1.0.0", "platform-app:1.1.0"));
    manifests.edit("base/webapi/kustomization.yaml").append(0, List.of("resources"), "deployment-v2.yaml");
    manifests.edit("istio/webapi/destination-rule.yaml").append(0, List.of("spec", "subsets"),
        Map.of("name", "v2", "labels", Map.of("version", "v2")));
  }
}
