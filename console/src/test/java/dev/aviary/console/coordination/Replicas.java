package dev.aviary.console.coordination;

import dev.aviary.console.ConsoleApi;
import dev.aviary.console.ConsoleCluster;
import dev.aviary.console.ConsoleProcess;
import dev.aviary.console.SandboxTokens;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import org.awaitility.Awaitility;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Consoles running side by side on one {@link ConsoleCluster}, in the test's JVM or each in its own. */
final class Replicas implements AutoCloseable {

  /** One running console. */
  interface Replica {
    String name();

    int port();

    /** Shuts it down as Kubernetes does. */
    void stop();

    /** Kills it as a crash would: only a console in a process of its own can be. */
    default void kill() throws InterruptedException {
      throw new UnsupportedOperationException(name() + " runs in the test's JVM and cannot be killed");
    }
  }

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final ConsoleCluster cluster;
  private final Path dir;
  private final List<String> settings;
  private final List<Replica> running = new ArrayList<>();
  private int started;

  Replicas(ConsoleCluster cluster, Path dir, List<String> settings) {
    this.cluster = cluster;
    this.dir = dir;
    this.settings = settings;
  }

  /** A console in this JVM; the first one started is awaited until it leads. */
  Replica startInProcess() {
    String name = "console-" + ++started;
    List<String> all = new ArrayList<>(settings);
    all.add("aviary.coordination.identity=" + name);
    ConfigurableApplicationContext context = cluster.console(name, dir.resolve(name), all);
    return add(new Replica() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public int port() {
        return context.getEnvironment().getProperty("local.server.port", Integer.class);
      }

      @Override
      public void stop() {
        context.close();
      }
    });
  }

  /** A console in a JVM of its own, to be killed as a crash would. */
  Replica startProcess() {
    String name = "console-" + ++started;
    ConsoleProcess process = cluster.consoleProcess(name, dir.resolve(name), settings);
    return add(new Replica() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public int port() {
        return process.port();
      }

      @Override
      public void stop() {
        process.close();
      }

      @Override
      public void kill() throws InterruptedException {
        process.kill();
      }
    });
  }

  private Replica add(Replica replica) {
    running.add(replica);
    if (running.size() == 1) {
      Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> leaderName().isPresent());
    }
    return replica;
  }

  /**
   * Who holds the leader Lease now. A Lease given up on shutdown keeps its holder's name with a one-second duration
   * (fabric8's way of releasing it), so a claim past its duration counts as no one's.
   */
  Optional<String> leaderName() {
    Lease lease = cluster.client().leases().inNamespace(cluster.leaseNamespace()).withName("aviary-leader").get();
    return Optional.ofNullable(lease).map(Lease::getSpec)
        .filter(spec -> spec.getRenewTime() != null && spec.getLeaseDurationSeconds() != null
            && spec.getRenewTime().plusSeconds(spec.getLeaseDurationSeconds()).isAfter(ZonedDateTime.now()))
        .map(spec -> spec.getHolderIdentity()).filter(h -> h != null && !h.isBlank());
  }

  Replica leader() {
    String name = leaderName().orElseThrow();
    return running.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
  }

  /** Forgets a replica that was killed, or stops one. */
  void remove(Replica replica, boolean stop) {
    running.remove(replica);
    if (stop) {
      replica.stop();
    }
  }

  List<Replica> running() {
    return List.copyOf(running);
  }

  ConsoleApi api(Replica replica) {
    return new ConsoleApi(replica.port(), cluster.provider());
  }

  /** A call as {@code user}; {@code body} null for a GET. */
  HttpResponse<String> call(Replica replica, String user, String method, String path, String body) {
    try {
      return body == null ? api(replica).get(user, path) : api(replica).send(user, method, path, body);
    } catch (Exception e) {
      throw new IllegalStateException(method + " " + path + " on " + replica.name() + ": " + e.getMessage(), e);
    }
  }

  /** A call with a token got once, as a script reuses its token: only the console's own work is timed. */
  HttpResponse<String> callWith(String token, Replica replica, String method, String path, String body) {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + replica.port() + path))
          .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(method + " " + path + " on " + replica.name() + ": " + e.getMessage(), e);
    }
  }

  /** A token for a demo user's script client. */
  String token(String user) {
    return SandboxTokens.of(cluster.provider(), user);
  }

  @Override
  public void close() {
    List.copyOf(running).forEach(r -> remove(r, true));
  }
}
