package dev.aviary.platform.stores;

import dev.aviary.testsupport.InstalledTool;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The machine's redis-server (Debian's package) in a temporary directory on a free port, with its append-only file
 * on, as the manifests run it: stopped and started again, it still holds the queue.
 */
public final class RedisServer implements AutoCloseable {

  private final Path binary;
  private final Path dir;
  private final int port;
  private Process process;

  private RedisServer(Path binary, Path dir, int port) {
    this.binary = binary;
    this.dir = dir;
    this.port = port;
  }

  public static RedisServer start() throws IOException {
    Path binary = InstalledTool.command("redis-server", ".ci/run installs Debian's redis-server package");
    RedisServer server = new RedisServer(binary, Files.createTempDirectory("aviary-redis-"),
        PostgresServer.freePort());
    server.resume();
    return server;
  }

  public String url() {
    return "redis://127.0.0.1:" + port;
  }

  public void resume() throws IOException {
    process = new ProcessBuilder(binary.toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
        "--dir", dir.toString(), "--save", "", "--appendonly", "yes", "--appendfsync", "everysec")
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("redis.log").toFile()))
        .start();
    Instant deadline = Instant.now().plusSeconds(30);
    while (!answers("PING").startsWith("+PONG")) {
      if (Instant.now().isAfter(deadline) || !process.isAlive()) {
        throw new IllegalStateException("redis-server on port " + port + " did not start:\n"
            + Files.readString(dir.resolve("redis.log")));
      }
      pause();
    }
  }

  /** Stops it as an outage would look to clients: connections closed, the port refusing. */
  public void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  /** Sends one inline command and returns the first line of the answer, or "" when nothing answers. */
  public String answers(String command) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(2000);
      OutputStream out = socket.getOutputStream();
      out.write((command + "\r\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = socket.getInputStream();
      StringBuilder line = new StringBuilder();
      for (int c = in.read(); c != -1 && c != '\r'; c = in.read()) {
        line.append((char) c);
      }
      return line.toString();
    } catch (IOException e) {
      return "";
    }
  }

  private static void pause() {
    try {
      Thread.sleep(Duration.ofMillis(50));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() throws IOException, InterruptedException {
    if (process != null && process.isAlive()) {
      stop();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
  }
}
