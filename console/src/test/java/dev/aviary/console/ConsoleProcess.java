package dev.aviary.console;

import org.awaitility.Awaitility;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A console in a JVM of its own, as an installation runs it, on the test's classpath: for what only a separate
 * process shows (its heap alone, or being killed without a chance to shut down).
 *
 * @param port    where it serves
 * @param process the JVM
 * @param log     where its output goes
 */
public record ConsoleProcess(int port, Process process, Path log) implements AutoCloseable {

  /**
   * Starts it with {@code settings} ({@code name=value}) as its command line and {@code jvm} options; returns once
   * it answers (302 to sign-in), failing at once if it exits, and after 90 s.
   */
  public static ConsoleProcess start(Path dir, int port, List<String> jvm, List<String> settings) {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString()));
    command.addAll(jvm);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), AviaryApplication.class.getName(),
        "--server.port=" + port, "--server.address=127.0.0.1"));
    settings.forEach(s -> command.add("--" + s));
    Path log = dir.resolve("console.log");
    try {
      dir.toFile().mkdirs();
      Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      ConsoleProcess console = new ConsoleProcess(port, process, log);
      console.awaitUp();
      return console;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void awaitUp() {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest root = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build();
    Awaitility.await("the console on port " + port + " (log " + log + ")").atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(250)).ignoreExceptionsInstanceOf(IOException.class)
        .failFast("the console exited before it was up; its log: " + log, () -> !process.isAlive())
        .until(() -> http.send(root, HttpResponse.BodyHandlers.discarding()).statusCode(),
            status -> status == 302 || status == 200);
  }

  /** As a crash or an OOM kill: SIGKILL, no shutdown hooks, nothing released. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
  }

  /** Shuts it down as Kubernetes does (SIGTERM), killing it if it has not stopped after 20 s. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
