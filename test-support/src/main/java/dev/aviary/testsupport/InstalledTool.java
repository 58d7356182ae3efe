package dev.aviary.testsupport;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The one guard for tests that need something installed on the machine (Chromium, Prometheus, kubectl) or built by
 * an earlier module (platform-app's jar). Where it is missing the test is skipped on a laptop, but fails in CI (the
 * {@code CI} variable set), where {@code .ci/run} installs everything: a CI run never goes green by skipping.
 */
public final class InstalledTool {

  private InstalledTool() {
  }

  /**
   * A command found on the {@code PATH}.
   *
   * @param remedy how to get it, e.g. "apt-get install kubernetes-client"
   */
  public static Path command(String name, String remedy) {
    Optional<Path> found = onPath(name);
    require(found.isPresent(), name + " is not on the PATH", remedy);
    return found.orElseThrow();
  }

  /** An executable at a fixed place, such as Debian's {@code /usr/bin/chromium}. */
  public static Path executable(Path file, String remedy) {
    require(Files.isExecutable(file), file + " is not installed", remedy);
    return file;
  }

  /** A file an earlier build step makes, such as a module's packaged jar. */
  public static Path file(Path file, String what, String remedy) {
    require(Files.isRegularFile(file), what + " is missing at " + file, remedy);
    return file;
  }

  public static boolean installed(String command) {
    return onPath(command).isPresent();
  }

  /** Skips the test (a laptop) or fails it (CI) when {@code present} is false. */
  public static void require(boolean present, String problem, String remedy) {
    if (present) {
      return;
    }
    String message = problem + " (" + remedy + ")";
    if (System.getenv("CI") != null) {
      throw new IllegalStateException(message + "; CI is set, so this fails instead of skipping");
    }
    Assumptions.abort(message);
  }

  private static Optional<Path> onPath(String name) {
    return Stream.of(System.getenv().getOrDefault("PATH", "").split(":")).filter(dir -> !dir.isEmpty())
        .map(dir -> Path.of(dir, name)).filter(Files::isExecutable).findFirst();
  }
}
