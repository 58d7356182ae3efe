package dev.aviary.platform.bench;

import dev.aviary.platform.Http;
import dev.aviary.platform.PlatformProcess;
import dev.aviary.platform.stores.PostgresServer;
import dev.aviary.platform.stores.RedisServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Loads platform-app with realistic documents and prints documents/s and request latencies. Each client submits a
 * document, polls its status until processed, and goes on with the next (closed loop), so the figures show what
 * the service sustains rather than how fast a queue fills. By default it measures platform-app in memory and then on
 * PostgreSQL and Redis, and compares the two. Run it with {@code ./mvnw -q -Pbench -pl platform-app -am verify};
 * options through {@code -Dbench.args="--clients=16 --duration=60 --stores=postgres --url=http://host:8080"}.
 */
public final class PlatformBenchmark {

  private static final List<String> JVM = List.of("-Xmx512m", "-XX:+UseG1GC");

  private final Http http;
  private final Corpus corpus;
  private final Latencies uploads = new Latencies();
  private final Latencies polls = new Latencies();
  private final Latencies endToEnd = new Latencies();
  private final AtomicLong processed = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();
  private volatile boolean measuring;
  private volatile boolean running = true;

  private PlatformBenchmark(Http http, Corpus corpus) {
    this.http = http;
    this.corpus = corpus;
  }

  /** What one run measured: documents processed per second and the p99 from submit to processed. */
  record Result(double documentsPerSecond, double endToEndP99Millis) {
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = options(args);
    int clients = Integer.parseInt(options.getOrDefault("clients", "8"));
    Duration warmup = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "15")));
    Duration duration = Duration.ofSeconds(Long.parseLong(options.getOrDefault("duration", "30")));
    Corpus corpus = new Corpus(400, 42);
    String url = options.get("url");
    if (url != null) {
      new PlatformBenchmark(new Http(url), corpus).run(url, clients, warmup, duration);
      return;
    }
    String stores = options.getOrDefault("stores", "both");
    if (!List.of("memory", "postgres", "both").contains(stores)) {
      throw new IllegalArgumentException("--stores must be memory, postgres or both, got " + stores);
    }
    Result memory = stores.equals("postgres") ? null : inMemory(corpus, clients, warmup, duration);
    Result postgres = stores.equals("memory") ? null : onPostgresAndRedis(corpus, clients, warmup, duration);
    if (memory != null && postgres != null) {
      double share = postgres.documentsPerSecond() / memory.documentsPerSecond();
      System.out.printf("%nPostgreSQL + Redis against in memory: %.0f%% of the throughput, p99 end to end %.1f ms"
              + " against %.1f ms; goal >= 50%% of the throughput: %s%n", share * 100,
          postgres.endToEndP99Millis(), memory.endToEndP99Millis(), share >= 0.5 ? "met" : "NOT met");
    }
  }

  private static Map<String, String> environment(Map<String, String> stores) {
    Map<String, String> env = new HashMap<>(Map.of("APP_VERSION", "bench", "WARMUP", "0s", "QUEUE_CAPACITY", "256"));
    env.putAll(stores);
    return env;
  }

  private static Result inMemory(Corpus corpus, int clients, Duration warmup, Duration duration) throws Exception {
    Path log = Files.createTempFile("platform-app-bench", ".log");
    try (PlatformProcess app = PlatformProcess.start(environment(Map.of()), log, JVM)) {
      return new PlatformBenchmark(app.http(), corpus).run("platform-app in memory, in its own JVM (-Xmx512m,"
          + " default WORKERS=2, log " + log + ")", clients, warmup, duration);
    }
  }

  /** The same load on the machine's PostgreSQL and Redis, started for the run on this machine, as CI has them. */
  private static Result onPostgresAndRedis(Corpus corpus, int clients, Duration warmup, Duration duration)
      throws Exception {
    Path log = Files.createTempFile("platform-app-bench-stores", ".log");
    try (PostgresServer postgres = PostgresServer.startDurable(); RedisServer redis = RedisServer.start()) {
      Map<String, String> stores = Map.of("SPRING_DATASOURCE_URL", postgres.createDatabase("bench"),
          "SPRING_DATASOURCE_USERNAME", PostgresServer.USER, "REDIS_URL", redis.url());
      try (PlatformProcess app = PlatformProcess.start(environment(stores), log, JVM)) {
        return new PlatformBenchmark(app.http(), corpus).run("platform-app on PostgreSQL and Redis on this machine"
            + " (-Xmx512m, default WORKERS=2, log " + log + ")", clients, warmup, duration);
      }
    }
  }

  private Result run(String target, int clients, Duration warmup, Duration duration) throws InterruptedException {
    System.out.printf("%nplatform-app benchmark against %s%n", target);
    System.out.printf("corpus: %s%n", corpus.describe());
    System.out.printf("%d clients, %d s warm-up, then %d s measured; %d CPUs, Java %s%n", clients,
        warmup.toSeconds(), duration.toSeconds(), Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"));
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      threads.add(Thread.ofVirtual().start(this::client));
    }
    Thread.sleep(warmup);
    measuring = true;
    long start = System.nanoTime();
    Thread.sleep(duration);
    measuring = false;
    double seconds = (System.nanoTime() - start) / 1e9;
    running = false;
    for (Thread t : threads) {
      t.join(Duration.ofSeconds(30));
    }
    report(seconds);
    return new Result(processed.get() / seconds, endToEnd.percentileMillis(99));
  }

  private void client() {
    while (running) {
      Corpus.Sample sample = corpus.next();
      boolean measured = measuring;
      long submitted = System.nanoTime();
      Http.Response response = http.post("/api/v1/documents", sample.contentType(), sample.body());
      long uploaded = System.nanoTime();
      if (measured) {
        uploads.record(uploaded - submitted);
      }
      if (response.status() == 429) {
        rejected.addAndGet(measured ? 1 : 0);
        pause(Duration.ofSeconds(Long.parseLong(response.header("Retry-After"))));
        continue;
      }
      if (response.status() != 202) {
        throw new IllegalStateException("POST answered " + response.status() + ": " + response.body());
      }
      String status = awaitOutcome(response.json().path("id").asString(), measured);
      if (measured && measuring) {
        endToEnd.record(System.nanoTime() - submitted);
        (status.equals("DONE") ? processed : failed).incrementAndGet();
      }
    }
  }

  private String awaitOutcome(String id, boolean measured) {
    while (true) {
      long before = System.nanoTime();
      Http.Response response = http.get("/api/v1/documents/" + id);
      if (measured) {
        polls.record(System.nanoTime() - before);
      }
      String status = response.json().path("status").asString();
      if (status.equals("DONE") || status.equals("FAILED")) {
        return status;
      }
      pause(Duration.ofMillis(5));
    }
  }

  private void report(double seconds) {
    System.out.println();
    System.out.printf("documents/s   %.1f   (%d processed, %d failed, %d rejected with 429 in %.1f s)%n",
        processed.get() / seconds, processed.get(), failed.get(), rejected.get(), seconds);
    System.out.printf("POST upload   %s%n", uploads.summary());
    System.out.printf("GET status    %s%n", polls.summary());
    System.out.printf("end to end    %s   (submit until processed)%n", endToEnd.summary());
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    // Maven hands -Dbench.args over as one argument: split it the way a shell would have.
    for (String arg : String.join(" ", args).trim().split("\\s+")) {
      if (arg.isEmpty()) {
        continue;
      }
      String[] kv = arg.replaceFirst("^--", "").split("=", 2);
      if (kv.length != 2 || !List.of("clients", "warmup", "duration", "url", "stores").contains(kv[0])) {
        throw new IllegalArgumentException("unknown option " + arg
            + " (use --clients=N --warmup=SECONDS --duration=SECONDS --stores=memory|postgres|both"
            + " --url=http://host:port)");
      }
      options.put(kv[0], kv[1]);
    }
    return options;
  }
}
