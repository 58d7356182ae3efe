package dev.aviary.testsupport.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The machine's git CLI on a repository: how anyone other than Aviary sees what Aviary wrote. */
public final class GitCli {

  private GitCli() {
  }

  /** Edits files in a working copy of the repository. */
  @FunctionalInterface
  public interface Edit {
    void apply(Path workingCopy) throws IOException;
  }

  /**
   * What someone who is not Aviary does: clones the remote into the empty folder {@code workingCopy}, edits, commits
   * as Carol and pushes to main.
   */
  public static void pushFromOutside(Path remote, Path workingCopy, String message, Edit edit) {
    run(workingCopy, "clone", "-q", remote.toString(), ".");
    try {
      edit.apply(workingCopy);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    run(workingCopy, "add", "-A");
    run(workingCopy, "-c", "user.name=Carol", "-c", "user.email=carol@example.com", "commit", "-qm", message);
    run(workingCopy, "push", "-q", "origin", "HEAD:main");
  }

  public static String run(Path repository, String... args) {
    List<String> command = new ArrayList<>(List.of("git", "-C", repository.toString()));
    command.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new AssertionError(String.join(" ", command) + " failed:\n" + out);
      }
      return out.strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
