package dev.aviary.manifests;

import com.marcnuri.helm.Helm;
import io.fabric8.kubernetes.api.model.HasMetadata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Aviary's chart rendered by Helm itself, in-process (helm-java), as {@code helm template} would. */
final class HelmChart {

  static final Path CHART = ManifestFiles.ROOT.resolve("charts/aviary");

  private HelmChart() {
  }

  /** The objects {@code helm template <release> charts/aviary -n <namespace> -f <values>} renders. */
  static List<HasMetadata> template(String release, String namespace, String values) {
    try {
      Path file = Files.createTempFile("values-", ".yaml");
      try {
        Files.writeString(file, values);
        String rendered = new Helm(CHART).template().withName(release).withNamespace(namespace)
            .withValuesFile(file).call();
        return ManifestFiles.objects(rendered, "helm template " + release);
      } finally {
        Files.delete(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static <T extends HasMetadata> List<T> all(List<HasMetadata> objects, Class<T> type) {
    return objects.stream().filter(type::isInstance).map(type::cast).toList();
  }

  static <T extends HasMetadata> T one(List<HasMetadata> objects, Class<T> type) {
    List<T> found = all(objects, type);
    if (found.size() != 1) {
      throw new AssertionError("expected one " + type.getSimpleName() + ", found " + found.size());
    }
    return found.getFirst();
  }
}
