package dev.aviary.manifests;

import dev.aviary.testsupport.InstalledTool;
import io.fabric8.kubernetes.api.model.HasMetadata;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;


/** Renders a folder with the real {@code kubectl kustomize}: skipped where kubectl is missing, except in CI. */
final class Kustomize {

  private Kustomize() {
  }

  static List<HasMetadata> render(String folder) throws IOException, InterruptedException {
    InstalledTool.command("kubectl", ".ci/run installs Debian's kubernetes-client");
    Process process = new ProcessBuilder("kubectl", "kustomize", ManifestFiles.ROOT.resolve(folder).toString())
        .redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new AssertionError("kubectl kustomize " + folder + " failed:\n" + output);
    }
    return ManifestFiles.objects(output, "kubectl kustomize " + folder);
  }

  static Set<String> identities(List<HasMetadata> objects) {
    return objects.stream().map(o -> o.getApiVersion() + "/" + o.getKind() + "/" + o.getMetadata().getName())
        .collect(Collectors.toSet());
  }
}
