package dev.aviary.install.node;

import dev.aviary.install.Repository;
import dev.aviary.testsupport.git.GitCli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The Git repository a team keeps its platform's manifests in, made with the {@code git} CLI: this repository's
 * {@code manifests/} at {@code manifests/}, as a team trying Aviary on one small node would cut it down:
 * <ul>
 *   <li>every autoscaler's minimum 1 and CPU requests of 100m (the shipped 3 webapi and 2 document-processor
 *       replicas at 250m and 500m ask for more than a 2-core node has);</li>
 *   <li>no stores: the PostgreSQL and Redis StatefulSets run {@code postgres} and {@code redis} images no registry
 *       here serves, and their names would need a cluster DNS this node does not run (docs/testing.md), so
 *       platform-app keeps its documents in memory, as it does without {@code SPRING_DATASOURCE_URL}.</li>
 * </ul>
 * Cloned bare, to be served over HTTP.
 */
final class PlatformRepository {

  static final String PATH = "manifests";

  private PlatformRepository() {
  }

  /** The bare repository, {@code directory/manifests.git}. */
  static Path create(Path directory) {
    Path work = directory.resolve("work");
    copy(Repository.root().resolve("manifests"), work.resolve(PATH));
    try (Stream<Path> files = Files.walk(work.resolve(PATH))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
        Files.writeString(file, withoutStores(sizedForOneNode(Files.readString(file))));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    GitCli.run(work, "init", "--quiet", "--initial-branch=main");
    GitCli.run(work, "add", ".");
    GitCli.run(work, "-c", "user.name=Platform Team", "-c", "user.email=platform@example.com", "commit", "--quiet", "-m",
        "The document-processing platform, sized for one node");
    Path bare = directory.resolve("manifests.git");
    GitCli.run(directory, "clone", "--quiet", "--bare", work.toString(), bare.toString());
    return bare;
  }

  static String withoutStores(String manifest) {
    return manifest.replaceAll("(?m)^  - (postgresql|redis)\\n", "")
        .replaceAll("(?m)^  (SPRING_DATASOURCE_URL|SPRING_DATASOURCE_USERNAME|REDIS_URL): .*\\n", "");
  }

  static String sizedForOneNode(String manifest) {
    return manifest.replaceAll("(?m)^(\\s*)minReplicas: \\d+$", "$1minReplicas: 1")
        .replaceAll("(requests:\\s*\\n\\s*)cpu: [0-9.]+m?", "$1cpu: 100m");
  }

  private static void copy(Path from, Path to) {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : paths.toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
