package dev.aviary.platform.stores;

import dev.aviary.testsupport.InstalledTool;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The machine's PostgreSQL (Debian's package) in a temporary directory on a free port, trusting local connections
 * as {@code aviary}. PostgreSQL refuses to run as root, so as root it runs as the {@code postgres} user the package
 * creates. Stopping and starting it again keeps its data: that is how tests take the database away. Tests run it
 * without flushing to disk, for speed; the benchmark runs it with PostgreSQL's durable defaults.
 */
public final class PostgresServer implements AutoCloseable {

  public static final String USER = "aviary";
  private static final Path INSTALLED = Path.of("/usr/lib/postgresql");

  private final Path bin;
  private final Path dir;
  private final int port;
  private final boolean asPostgres;
  private final boolean durable;

  private PostgresServer(Path bin, Path dir, int port, boolean asPostgres, boolean durable) {
    this.bin = bin;
    this.dir = dir;
    this.port = port;
    this.asPostgres = asPostgres;
    this.durable = durable;
  }

  /** For tests: every commit returns before its data reaches the disk. */
  public static PostgresServer start() throws IOException {
    return start(false);
  }

  /** With PostgreSQL's defaults: every commit waits for the disk, as a production database would. */
  public static PostgresServer startDurable() throws IOException {
    return start(true);
  }

  private static PostgresServer start(boolean durable) throws IOException {
    Optional<Path> bin = serverPrograms();
    InstalledTool.require(bin.isPresent(), "PostgreSQL's server programs are not under " + INSTALLED + "/*/bin",
        ".ci/run installs Debian's postgresql package");
    boolean root = "root".equals(System.getProperty("user.name"));
    Path dir = Files.createTempDirectory("aviary-postgres-");
    if (root) {
      UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
      Files.setOwner(dir, postgres);
    }
    PostgresServer server = new PostgresServer(bin.orElseThrow(), dir, freePort(), root, durable);
    server.run("initdb", "-D", server.data(), "-U", USER, "-A", "trust", "-E", "UTF8", "--no-sync",
        "--no-instructions");
    server.resume();
    return server;
  }

  /** The newest installed version's bin directory. */
  private static Optional<Path> serverPrograms() throws IOException {
    if (!Files.isDirectory(INSTALLED)) {
      return Optional.empty();
    }
    try (Stream<Path> versions = Files.list(INSTALLED)) {
      return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("postgres")))
          .max(Comparator.comparing(b -> versionOf(b.getParent())));
    }
  }

  private static int versionOf(Path dir) {
    try {
      return Integer.parseInt(dir.getFileName().toString());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  /** A new, empty database, so that each test starts from nothing. */
  public String createDatabase(String name) throws SQLException {
    try (Connection c = connect("postgres")) {
      c.createStatement().execute("CREATE DATABASE " + name);
    }
    return jdbcUrl(name);
  }

  public Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(jdbcUrl(database), USER, "");
  }

  /** Stops it fast: open connections are cut, as when the database goes away under the application. */
  public void stop() {
    run("pg_ctl", "stop", "-D", data(), "-m", "fast", "-w");
  }

  public void resume() {
    run("pg_ctl", "start", "-D", data(), "-w", "-t", "60", "-l", dir.resolve("postgres.log").toString(), "-o",
        "-p " + port + " -c listen_addresses=127.0.0.1 -k " + dir
            + (durable ? "" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"));
  }

  private String data() {
    return dir.resolve("data").toString();
  }

  private void run(String program, String... arguments) {
    List<String> command = new ArrayList<>();
    if (asPostgres) {
      command.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    command.add(bin.resolve(program).toString());
    command.addAll(List.of(arguments));
    try {
      Path log = dir.resolve(program + ".out");
      Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IllegalStateException(String.join(" ", command) + " failed:\n" + Files.readString(log));
      }
    } catch (IOException e) {
      throw new IllegalStateException(String.join(" ", command) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      stop();
    } catch (IllegalStateException alreadyStopped) {
      // a test that stopped it and failed before starting it again
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
