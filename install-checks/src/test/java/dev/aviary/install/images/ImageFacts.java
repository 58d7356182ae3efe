package dev.aviary.install.images;

import dev.aviary.install.Podman;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** What an installer reads from a built image without starting its application: labels, SBOM, size, layers. */
public final class ImageFacts {

  private final Podman podman;
  private final String image;

  private ImageFacts(Podman podman, String image) {
    this.podman = podman;
    this.image = image;
  }

  public static ImageFacts of(Podman podman, String image) {
    return new ImageFacts(podman, image);
  }

  public String label(String name) {
    return podman.ok("image", "inspect", "--format", "{{index .Labels \"" + name + "\"}}", image);
  }

  /** The CycloneDX SBOM the image carries, found where its {@code dev.aviary.sbom} label says. */
  public String sbom() {
    return podman.ok("run", "--rm", "--entrypoint", "cat", image, label("dev.aviary.sbom"));
  }

  /** Which of these commands the image's PATH finds: a runtime image should find none of the build's tools. */
  public List<String> commandsOnPath(String... commands) {
    String found = podman.run(Duration.ofSeconds(60), "run", "--rm", "--entrypoint", "bash", image, "-c",
        "for c in " + String.join(" ", commands) + "; do command -v \"$c\" >/dev/null && echo \"$c\"; done; true")
        .output();
    return found.lines().filter(line -> Arrays.asList(commands).contains(line.trim())).toList();
  }

  public long sizeBytes() {
    return Long.parseLong(podman.ok("image", "inspect", "--format", "{{.Size}}", image));
  }

  public int layers() {
    return Integer.parseInt(podman.ok("image", "inspect", "--format", "{{len .RootFS.Layers}}", image));
  }

  /** One line for the build's log and the docs: size and layers. */
  public String describe() {
    return String.format("%s: %.0f MB in %d layers", image, sizeBytes() / 1e6, layers());
  }
}
