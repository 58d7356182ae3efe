package dev.aviary.sandbox.api;

import dev.aviary.testsupport.InstalledTool;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the machine's kubectl binary with a given kubeconfig. */
public record Kubectl(Path kubeconfig) {

  public record Result(int exitCode, String output) {
  }

  private static Path binary() {
    return InstalledTool.command("kubectl", ".ci/run installs Debian's kubernetes-client");
  }

  /** A kubectl that runs until it is stopped, such as {@code get -w}: its output so far, then all of it. */
  public final class Running implements AutoCloseable {

    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private final Thread reader;

    private Running(Process process) {
      this.process = process;
      this.reader = Thread.ofVirtual().start(() -> {
        try (var in = process.inputReader(StandardCharsets.UTF_8)) {
          in.lines().forEach(line -> output.append(line).append('\n'));
        } catch (IOException e) {
          output.append("(reading kubectl's output failed: ").append(e.getMessage()).append(")\n");
        }
      });
    }

    public String output() {
      return output.toString();
    }

    /** Stops kubectl (as Ctrl-C would) and answers everything it printed. */
    public String stop() throws InterruptedException {
      close();
      reader.join(Duration.ofSeconds(5));
      return output();
    }

    @Override
    public void close() {
      process.destroy();
    }
  }

  public Running start(String... args) {
    List<String> command = new ArrayList<>(List.of(binary().toString(), "--kubeconfig", kubeconfig.toString()));
    command.addAll(List.of(args));
    try {
      return new Running(new ProcessBuilder(command).redirectErrorStream(true).start());
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + command, e);
    }
  }

  public Result run(String... args) {
    List<String> command = new ArrayList<>(List.of(binary().toString(), "--kubeconfig", kubeconfig.toString()));
    command.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return new Result(-1, "kubectl timed out: " + command);
      }
      return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command, e);
    }
  }
}
