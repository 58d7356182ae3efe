package dev.aviary.install;

import dev.aviary.testsupport.InstalledTool;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The Aviary repository these checks run in: its root, its revision, the local Maven repository of this build. */
public final class Repository {

  private Repository() {
  }

  public static Path root() {
    return Path.of(System.getProperty("aviary.root", "..")).toAbsolutePath().normalize();
  }

  /** The build's local Maven repository (surefire passes {@code settings.localRepository}). */
  public static Path mavenRepository() {
    return Path.of(System.getProperty("aviary.maven.repository",
        Path.of(System.getProperty("user.home"), ".m2", "repository").toString()));
  }

  /** The commit checked out, as the images' {@code org.opencontainers.image.revision} label carries it. */
  public static String revision() {
    Path git = InstalledTool.command("git", "apt-get install git");
    try {
      Process process = new ProcessBuilder(git.toString(), "-C", root().toString(), "rev-parse", "HEAD")
          .redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (process.waitFor() != 0) {
        throw new IllegalStateException("git rev-parse HEAD in " + root() + " failed: " + output);
      }
      return output;
    } catch (IOException e) {
      throw new IllegalStateException("Could not run git in " + root(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while reading the revision", e);
    }
  }
}
