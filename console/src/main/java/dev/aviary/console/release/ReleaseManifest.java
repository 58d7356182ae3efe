package dev.aviary.console.release;

import dev.aviary.console.gitops.InvalidChangeException;
import dev.aviary.console.gitops.ManifestReader;
import dev.aviary.console.gitops.ManifestSet;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Release object in Git: written when a release starts, its steering edited when an operator steers. */
final class ReleaseManifest {

  static final String API_VERSION = "aviary.dev/v1alpha1";
  static final String KIND = "Release";

  private ReleaseManifest() {
  }

  static String name(ReleaseSpec spec) {
    return spec.service() + "-" + spec.canaryVersion();
  }

  static String text(ReleaseSpec spec, String namespace) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("name", name(spec));
    metadata.put("namespace", namespace);
    metadata.put("labels", Map.of("app", spec.service()));
    Map<String, Object> release = new LinkedHashMap<>();
    release.put("apiVersion", API_VERSION);
    release.put("kind", KIND);
    release.put("metadata", metadata);
    release.put("spec", ReleaseSpecCodec.toMap(spec));
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setIndicatorIndent(0);
    return "# A canary release run by Aviary: the plan below is followed step by step, each step a commit. Operators\n"
        + "# steer it (pause, resume, promote, abort, weight) from the console, which records their word under\n"
        + "# spec.steering. Its progress is in the cluster: kubectl get release " + name(spec) + " -o yaml\n"
        + new Yaml(options).dump(release);
  }

  static ManifestReader.Manifest find(ManifestSet manifests, String name) {
    return manifests.find(KIND, name).orElseThrow(() -> new InvalidChangeException("no release " + name
        + " in the manifests"));
  }

  static void steer(ManifestSet manifests, String name, Steering steering) {
    ManifestReader.Manifest release = find(manifests, name);
    manifests.edit(release.file()).set(release.document(), List.of("spec", "steering"),
        ReleaseSpecCodec.steeringMap(steering));
  }
}
