package dev.aviary.console.coordination;

import dev.aviary.console.ConsoleCluster;
import dev.aviary.console.coordination.Replicas.Replica;
import dev.aviary.testsupport.BenchmarkOptions;
import dev.aviary.testsupport.Goals;
import org.awaitility.Awaitility;
import tools.jackson.databind.ObjectMapper;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.DoubleStream;

import static dev.aviary.testsupport.Figures.percentile;

/**
 * Several consoles on one sandbox, as replicas of one installation:
 * <ol>
 *   <li>failover: a release runs, the leading console stops in the middle of it (shut down as Kubernetes does, or
 *   killed as a crash would), and the time until another console holds the Lease and until it records the
 *   release's next step;</li>
 *   <li>the change pipeline through two consoles at once against one console alone: each change's round trip through
 *   the JSON API (commit, push, apply through the write lock), p50 and p99.</li>
 * </ol>
 * Run: {@code ./mvnw -q -Pconsole-bench -pl console -am verify -DskipTests
 * -Dbench.main=dev.aviary.console.coordination.HaBenchmark}; {@code HaBenchmarkTest} runs the small size in every
 * build.
 */
public final class HaBenchmark {

  /**
   * @param shutdowns failovers by a shutdown (then one by a kill)
   * @param lease     the leader Lease's duration: a killed leader is replaced after it
   * @param step      each release step's duration
   */
  record Size(int shutdowns, Duration lease, Duration step, int warmup, int changes) {
    static final Size FULL = new Size(3, Duration.ofSeconds(15), Duration.ofSeconds(2), 20, 100);
    static final Size SMALL = new Size(1, Duration.ofSeconds(3), Duration.ofSeconds(1), 2, 10);
  }

  static final ObjectMapper JSON = new ObjectMapper();
  /** Each failover's release gets a version of its own. */
  static final AtomicInteger RELEASES = new AtomicInteger(10);

  public static void main(String[] args) throws Exception {
    List<String> options = BenchmarkOptions.of(args);
    run(options.contains("--small") ? Size.SMALL : Size.FULL);
    System.exit(0);
  }

  static final String SHUTDOWN_GOAL = "next step after a shutdown under 5 s";
  static final String KILL_GOAL = "after a kill under the Lease and one step";
  static final String PIPELINE_GOAL = "pipeline p99 with two consoles within 2x of one";

  static Goals run(Size size) throws Exception {
    Path dir = Files.createTempDirectory("aviary-ha-bench");
    try (ConsoleCluster cluster = ConsoleCluster.sandbox(dir);
         Replicas replicas = new Replicas(cluster, dir, settings(size))) {
      replicas.startInProcess();
      replicas.startInProcess();
      List<Duration> shutdowns = new ArrayList<>();
      for (int round = 1; round <= size.shutdowns(); round++) {
        Replica leader = replicas.leader();
        shutdowns.add(failover(replicas, size, "shut down", () -> replicas.remove(leader, true)));
        replicas.startInProcess();
      }
      // The killed one must lead: the in-process consoles go, so the process is the only one left to take the Lease.
      Replica crashing = replicas.startProcess();
      for (Replica inProcess : replicas.running().subList(0, replicas.running().size() - 1)) {
        replicas.remove(inProcess, true);
      }
      Awaitility.await().atMost(size.lease().multipliedBy(3))
          .until(() -> replicas.leaderName().filter(crashing.name()::equals).isPresent());
      replicas.startInProcess();
      Duration kill = failover(replicas, size, "killed", () -> {
        String leader = replicas.leaderName().orElse("no one");
        if (!leader.equals(crashing.name())) {
          throw new IllegalStateException("the lead moved from " + crashing.name() + ", the console in a process "
              + "of its own, to " + leader + " before it could be killed");
        }
        crashing.kill();
        replicas.remove(crashing, false);
      });
      replicas.startInProcess();
      double ratio = pipeline(replicas, size);
      Duration worstShutdown = shutdowns.stream().max(Duration::compareTo).orElseThrow();
      return new Goals()
          .below(SHUTDOWN_GOAL, worstShutdown.toMillis(), 5000, Goals.figure("worst %d ms", worstShutdown.toMillis()))
          .below(KILL_GOAL, kill.toMillis(), size.lease().plus(size.step()).toMillis(), Goals.figure(
              "%d ms against the Lease's %d s and one %d s step", kill.toMillis(), size.lease().toSeconds(),
              size.step().toSeconds()))
          .below(PIPELINE_GOAL, ratio, 2, Goals.figure("%.2fx", ratio))
          .print();
    }
  }

  interface Stop {
    void run() throws Exception;
  }

  /**
   * Starts a release, stops the leader after its second step, and prints the time to the next leader and to the
   * release's next step; aborts the release.
   *
   * @return the time from stopping the leader to the release's next step
   */
  private static Duration failover(Replicas replicas, Size size, String how, Stop stop) throws Exception {
    Replica any = replicas.running().getLast();
    HttpResponse<String> started = replicas.call(any, "admin", "POST", "/api/v1/releases",
        "{\"service\": \"webapi\", \"tag\": \"1." + RELEASES.incrementAndGet() + ".0\"}");
    if (started.statusCode() != 201) {
      throw new IllegalStateException("the release did not start: " + started.body());
    }
    String release = JSON.readTree(started.body()).path("release").asString();
    Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> steps(replicas, any, release) >= 2);
    String leader = replicas.leaderName().orElseThrow();
    Replica survivor = replicas.running().stream().filter(r -> !r.name().equals(leader)).findFirst().orElseThrow();
    int before = steps(replicas, survivor, release);
    long stopping = System.nanoTime();
    stop.run();
    Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20))
        .until(() -> replicas.leaderName().filter(l -> !l.equals(leader)).isPresent());
    Duration takeover = Duration.ofNanos(System.nanoTime() - stopping);
    Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20))
        .until(() -> steps(replicas, survivor, release) > before);
    Duration nextStep = Duration.ofNanos(System.nanoTime() - stopping);
    System.out.printf(Locale.ROOT, "failover, leader %s mid-release: another console leads after %d ms and records "
        + "the release's next step after %d ms (Lease %d s, steps of %d s)%n", how, takeover.toMillis(),
        nextStep.toMillis(), size.lease().toSeconds(), size.step().toSeconds());
    replicas.call(survivor, "operator", "POST", "/api/v1/releases/" + release + "/abort",
        "{\"reason\": \"benchmark round over\"}");
    Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> !replicas.call(survivor, "viewer", "GET",
        "/api/v1/releases?active=true", null).body().contains(release));
    return nextStep;
  }

  private static int steps(Replicas replicas, Replica replica, String release) {
    return JSON.readTree(replicas.call(replica, "viewer", "GET", "/api/v1/releases/" + release, null).body())
        .path("analyses").size();
  }

  /** @return p99 with two consoles at once over p99 with one */
  private static double pipeline(Replicas replicas, Size size) throws Exception {
    Replica a = replicas.running().get(0);
    Replica b = replicas.running().get(1);
    timed(replicas, a, "webapi", 10, size.warmup());
    timed(replicas, b, "webapi", 12, size.warmup());
    double[] alone = timed(replicas, a, "webapi", 14, size.changes());
    LockFigures before = LockFigures.of(replicas, a).plus(LockFigures.of(replicas, b));
    CompletableFuture<double[]> throughA = CompletableFuture.supplyAsync(() ->
        timed(replicas, a, "webapi", 16, size.changes()));
    double[] throughB = timed(replicas, b, "document-processor", 20, size.changes());
    double[] together = DoubleStream.concat(DoubleStream.of(throughB), DoubleStream.of(throughA.get())).toArray();
    LockFigures during = LockFigures.of(replicas, a).plus(LockFigures.of(replicas, b)).minus(before);
    System.out.printf(Locale.ROOT, "write lock while two consoles wrote at once: %d writes, mean wait %.0f ms, mean "
        + "hold %.0f ms%n", during.count(), during.meanWaitMillis(), during.meanHoldMillis());
    double ratio = percentile(together, 99) / percentile(alone, 99);
    System.out.printf(Locale.ROOT, "change pipeline through the API, %d changes through one console: p50 %.0f ms, "
        + "p99 %.0f ms; %d through each of two consoles at once: p50 %.0f ms, p99 %.0f ms (p99 %.2fx)%n",
        size.changes(), percentile(alone, 50), percentile(alone, 99), size.changes(), percentile(together, 50),
        percentile(together, 99), ratio);
    return ratio;
  }

  /** The write lock's histograms on one console: how many writes, and the seconds waited and held in all. */
  private record LockFigures(long count, double waited, double held) {

    static LockFigures of(Replicas replicas, Replica console) {
      String metrics = replicas.call(console, "viewer", "GET", "/actuator/prometheus", null).body();
      return new LockFigures((long) value(metrics, "aviary_write_lock_held_seconds_count"),
          value(metrics, "aviary_write_lock_wait_seconds_sum"), value(metrics, "aviary_write_lock_held_seconds_sum"));
    }

    private static double value(String metrics, String name) {
      return metrics.lines().filter(l -> l.startsWith(name + " ")).mapToDouble(l -> Double.parseDouble(
          l.substring(name.length() + 1).strip())).findFirst().orElse(0);
    }

    LockFigures plus(LockFigures other) {
      return new LockFigures(count + other.count, waited + other.waited, held + other.held);
    }

    LockFigures minus(LockFigures other) {
      return new LockFigures(count - other.count, waited - other.waited, held - other.held);
    }

    double meanWaitMillis() {
      return count == 0 ? 0 : waited * 1000 / count;
    }

    double meanHoldMillis() {
      return count == 0 ? 0 : held * 1000 / count;
    }
  }

  /**
   * Scales a service's v1 minimum to {@code from}, {@code from + 1}, {@code from}, ...: each a commit (a phase starts
   * with a value the last one did not end on); the round trips in ms.
   */
  private static double[] timed(Replicas replicas, Replica console, String service, int from, int count) {
    String token = replicas.token("operator");
    double[] millis = new double[count];
    for (int i = 0; i < count; i++) {
      long start = System.nanoTime();
      HttpResponse<String> answer = replicas.callWith(token, console, "POST", "/api/v1/services/" + service
          + "/versions/v1/scale", "{\"replicas\": " + (from + i % 2) + "}");
      if (answer.statusCode() != 200) {
        throw new IllegalStateException("a change was not applied: " + answer.statusCode() + " " + answer.body());
      }
      millis[i] = (System.nanoTime() - start) / 1e6;
    }
    return millis;
  }

  private static List<String> settings(Size size) {
    return List.of("aviary.coordination.lease.duration=" + size.lease().toSeconds() + "s",
        "aviary.coordination.lease.renewal=" + Math.max(1, size.lease().toSeconds() * 2 / 3) + "s",
        "aviary.coordination.lease.retry=200ms", "aviary.releases.tick=200ms",
        "aviary.releases.plan.steps=5,10,20,30,40,50,60,70,80,90,100",
        "aviary.releases.plan.step-duration=" + size.step().toSeconds() + "s", "aviary.releases.plan.min-requests=1",
        "aviary.releases.plan.warm-window=1s", "aviary.releases.plan.ready-timeout=30s",
        // These consoles run as a real installation with no Prometheus: failover is timed by the next analysis the
        // release records, which the fixed-window judge records each step (as "could not measure"); the sequential
        // judge records one only when a step ends.
        "aviary.releases.plan.judge=window",
        "aviary.sandbox.ready-delay=100ms", "logging.level.root=WARN", "logging.level.dev.aviary=WARN",
        "logging.level.dev.aviary.console.coordination=INFO");
  }
}
