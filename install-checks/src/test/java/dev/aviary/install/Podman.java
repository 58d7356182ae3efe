package dev.aviary.install;

import dev.aviary.testsupport.InstalledTool;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The machine's {@code podman}, run as a user would run it. Its configuration comes from the environment: on the CI
 * machines {@code .ci/run} points {@code CONTAINERS_CONF} at {@code testenv/images/containers.conf} (runc, cgroupfs,
 * no default ulimits: what these VMs allow).
 */
public final class Podman {

  /** What a finished command printed (both streams, interleaved) and how it exited. */
  public record Result(int exitCode, String output) {

    public boolean succeeded() {
      return exitCode == 0;
    }

    /** The output's last lines, for a failure message that shows why without pages of build log. */
    public String tail(int lines) {
      List<String> all = output.lines().toList();
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }
  }

  private final Path podman;

  private Podman(Path podman) {
    this.podman = podman;
  }

  /** The installed podman; skipped on a laptop without it, failed in CI. */
  public static Podman installed() {
    return new Podman(InstalledTool.command("podman", "apt-get install podman runc; see docs/testing.md"));
  }

  /** Runs {@code podman args...}; the output is kept in a file while it runs, so a long build cannot block on it. */
  public Result run(Duration timeout, String... args) {
    List<String> command = new ArrayList<>(List.of(podman.toString()));
    command.addAll(List.of(args));
    try {
      Path output = Files.createTempFile("podman-", ".log");
      try {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
            .start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          process.destroyForcibly().waitFor();
          throw new AssertionError("podman " + String.join(" ", args) + " did not finish within " + timeout
              + ":\n" + new Result(-1, Files.readString(output, StandardCharsets.UTF_8)).tail(40));
        }
        return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(output);
      }
    } catch (IOException e) {
      throw new IllegalStateException("Could not run podman " + String.join(" ", args), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while podman " + String.join(" ", args) + " ran", e);
    }
  }

  /** Runs a command that must succeed (within two minutes) and returns its output, trimmed. */
  public String ok(String... args) {
    Result result = run(Duration.ofMinutes(2), args);
    if (!result.succeeded()) {
      throw new AssertionError("podman " + String.join(" ", args) + " exited " + result.exitCode() + ":\n"
          + result.tail(40));
    }
    return result.output().trim();
  }

  /** A {@code podman inspect --format} value of an image or a container. */
  public String inspect(String nameOrId, String goTemplate) {
    return ok("inspect", "--format", goTemplate, nameOrId);
  }
}
