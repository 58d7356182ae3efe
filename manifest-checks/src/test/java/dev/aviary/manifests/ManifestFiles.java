package dev.aviary.manifests;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** The YAML files of a manifests folder, parsed the way fabric8 (and so Aviary) reads them. */
final class ManifestFiles {

  static final Path ROOT = Path.of(System.getProperty("aviary.root", "..")).toAbsolutePath().normalize();

  /** One object from one file: typed for Kubernetes' own kinds, generic for Istio, Gateway API and the like. */
  record Manifest(Path file, HasMetadata object) {

    String kind() {
      return object.getKind();
    }

    String name() {
      return object.getMetadata().getName();
    }

    @SuppressWarnings("unchecked")
    <T> T as(Class<T> type) {
      return (T) object;
    }

    /** A nested field of a generic resource, e.g. {@code spec("http")}. */
    Object spec(String field) {
      return ((Map<?, ?>) ((GenericKubernetesResource) object).getAdditionalProperties().get("spec")).get(field);
    }

    @Override
    public String toString() {
      return kind() + " " + name() + " (" + ROOT.relativize(file) + ")";
    }
  }

  private ManifestFiles() {
  }

  /** Every object in every YAML file under {@code folder}, kustomizations aside. */
  static List<Manifest> parseAll(String folder) {
    List<Manifest> manifests = new ArrayList<>();
    for (Path file : yamlFiles(ROOT.resolve(folder))) {
      if (!isKustomization(file)) {
        parse(file).forEach(o -> manifests.add(new Manifest(file, o)));
      }
    }
    return manifests;
  }

  static List<Path> yamlFiles(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static boolean isKustomization(Path file) {
    return file.getFileName().toString().startsWith("kustomization.");
  }

  static List<HasMetadata> parse(Path file) {
    try {
      return objects(Files.readString(file), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The objects of a YAML stream (one or several documents) from {@code where}: a file, a tool's output. */
  static List<HasMetadata> objects(String yaml, String where) {
    Object parsed = Serialization.unmarshal(yaml);
    List<?> objects = parsed instanceof List<?> list ? list : List.of(parsed);
    return objects.stream().map(o -> {
      if (!(o instanceof HasMetadata object)) {
        throw new AssertionError(where + " holds something that is not a Kubernetes object: " + o);
      }
      return object;
    }).toList();
  }

  /** The files a kustomization pulls in through {@code resources}, following folders and {@code ..}. */
  static Set<Path> reachableFrom(String folder) {
    Set<Path> files = new LinkedHashSet<>();
    collect(ROOT.resolve(folder).normalize(), files);
    return files;
  }

  private static void collect(Path dir, Set<Path> into) {
    Path kustomization = dir.resolve("kustomization.yaml");
    if (!Files.exists(kustomization)) {
      throw new AssertionError(dir + " is listed as a resource but holds no kustomization.yaml");
    }
    Map<?, ?> parsed = Serialization.unmarshal(read(kustomization), Map.class);
    for (Object resource : (List<?>) parsed.get("resources")) {
      Path target = dir.resolve(resource.toString()).normalize();
      if (Files.isDirectory(target)) {
        collect(target, into);
      } else if (Files.exists(target)) {
        into.add(target);
      } else {
        throw new AssertionError(kustomization + " lists " + resource + ", which does not exist");
      }
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
