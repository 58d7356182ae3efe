package dev.aviary.testsupport.controlplane;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One control-plane binary running as a child process, its output in a log file of its own. */
final class ControlPlaneProcess implements AutoCloseable {

  private final String name;
  private final Path log;
  private final Process process;

  private ControlPlaneProcess(String name, Path log, Process process) {
    this.name = name;
    this.log = log;
    this.process = process;
  }

  static ControlPlaneProcess start(Path binary, List<String> arguments, Path logDirectory, String name)
      throws IOException {
    Path log = logDirectory.resolve(name + ".log");
    List<String> command = new ArrayList<>();
    command.add(binary.toString());
    command.addAll(arguments);
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    return new ControlPlaneProcess(name, log, process);
  }

  String name() {
    return name;
  }

  boolean alive() {
    return process.isAlive();
  }

  /** The last lines it logged, for a failure message that says why it did not come up. */
  String logTail(int lines) {
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + log, e);
    }
  }

  /** Kills it at once (SIGKILL), as a crash or a lost node would. */
  void kill() {
    try {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Asks it to stop (SIGTERM) and kills it if it has not stopped within 3 s: the API server, for one, waits for its
   * clients' watches to end before it exits, which at the end of a test is only waiting.
   */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(3, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
