package dev.aviary.platform;

import dev.aviary.testsupport.InstalledTool;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;


/** A platform-app in a JVM of its own, configured through the environment as a Deployment would configure it. */
public final class PlatformProcess implements AutoCloseable {

  private final Process process;
  private final int port;

  private PlatformProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Fast to start, for tests: a small heap and the C1 compiler only. */
  public static PlatformProcess start(Map<String, String> environment, Path log) throws IOException {
    return start(environment, log, List.of("-Xmx256m", "-XX:TieredStopAtLevel=1"));
  }

  /**
   * platform-app's packaged jar, named by the {@code platform.jar} system property. Missing, it fails the test in CI
   * (where the reactor builds it first) and skips it elsewhere.
   */
  public static Path packagedJar() {
    return InstalledTool.file(Path.of(System.getProperty("platform.jar", "missing")), "platform-app's jar",
        "the reactor packages platform-app before the modules that run it");
  }

  /** platform-app from its packaged jar, as another module's tests run it. */
  public static PlatformProcess startJar(Path jar, Map<String, String> environment, Path log) throws IOException {
    return launch(List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(), "--server.address=127.0.0.1"),
        environment, log);
  }

  public static PlatformProcess start(Map<String, String> environment, Path log, List<String> jvmOptions)
      throws IOException {
    List<String> arguments = new ArrayList<>(jvmOptions);
    arguments.addAll(List.of("-cp", System.getProperty("java.class.path"), PlatformApplication.class.getName(),
        "--server.address=127.0.0.1"));
    return launch(arguments, environment, log);
  }

  private static PlatformProcess launch(List<String> arguments, Map<String, String> environment, Path log)
      throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    builder.environment().put("PORT", Integer.toString(port));
    PlatformProcess started = new PlatformProcess(builder.start(), port);
    started.awaitReady();
    return started;
  }

  public Http http() {
    return new Http("http://127.0.0.1:" + port);
  }

  public String target() {
    return "127.0.0.1:" + port;
  }

  private void awaitReady() {
    Instant deadline = Instant.now().plusSeconds(60);
    while (Instant.now().isBefore(deadline) && process.isAlive()) {
      try {
        if (http().get("/health/ready").status() == 200) {
          return;
        }
      } catch (IllegalStateException e) {
        // not listening yet
      }
      try {
        Thread.sleep(Duration.ofMillis(200));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    close();
    throw new IllegalStateException("platform-app on port " + port + " did not become ready");
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
