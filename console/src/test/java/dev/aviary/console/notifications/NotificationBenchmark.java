package dev.aviary.console.notifications;

import dev.aviary.console.AviaryApplication;
import dev.aviary.console.SandboxTokens;
import dev.aviary.console.access.Identity;
import dev.aviary.console.gitops.Change;
import dev.aviary.console.gitops.ChangePipeline;
import dev.aviary.console.gitops.ChangeResult;
import dev.aviary.console.scaling.ScaleVersion;
import dev.aviary.sandbox.signin.SandboxIdentityProvider;
import dev.aviary.testsupport.BenchmarkOptions;
import dev.aviary.testsupport.Goals;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static dev.aviary.testsupport.Figures.heapAfterGc;
import static dev.aviary.testsupport.Figures.max;
import static dev.aviary.testsupport.Figures.percentile;

/**
 * Notifications under load, with whole consoles on their sandbox and real HTTP receivers:
 * <ol>
 *   <li>event to receiver: faulty releases started through the API, each rolled back by the release controller; the
 *   time from the rollback step (the notice's {@code at}) to the receiver getting it;</li>
 *   <li>the change pipeline beside a receiver that takes 2 s per call: changes through the pipeline while a release
 *   runs and every notice is subscribed to it, against the same run without notifications; then whether every
 *   notice arrived, and the console's heap.</li>
 * </ol>
 * Run: {@code ./mvnw -q -Pconsole-bench -pl console -am verify
 * -Dbench.main=dev.aviary.console.notifications.NotificationBenchmark}; {@code NotificationBenchmarkTest} runs
 * the small size in every build.
 */
public final class NotificationBenchmark {

  /** @param pairs runs with and without notifications, alternating which goes first */
  record Size(int releases, int warmup, int changes, int pairs) {
    static final Size FULL = new Size(10, 20, 200, 3);
    static final Size SMALL = new Size(1, 2, 10, 1);
  }

  static final Identity OPERATOR = new Identity("Bench Operator", "bench@example.com");
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final ObjectMapper JSON = new ObjectMapper();

  public static void main(String[] args) throws Exception {
    List<String> options = BenchmarkOptions.of(args);
    run(options.contains("--small") ? Size.SMALL : Size.FULL);
    System.exit(0);
  }

  static final String DELIVERY_GOAL = "event to receiver p99 under 1 s";
  static final String PIPELINE_GOAL = "pipeline p99 within 10% of without notifications";

  static Goals run(Size size) throws Exception {
    Path dir = Files.createTempDirectory("aviary-notification-bench");
    double[] latencies = eventToReceiver(dir.resolve("latency"), size.releases());
    System.out.printf(Locale.ROOT, "rollback step -> webhook receiver (%d faulty releases, each rolled back by "
            + "itself): p50 %.0f ms, p99 %.0f ms, max %.0f ms%n", latencies.length, percentile(latencies, 50),
        percentile(latencies, 99), max(latencies));

    // A first, unmeasured run: otherwise whichever run comes first pays for the JVM's warm-up.
    pipeline(dir.resolve("warm-up"), size, null);
    double[] ratios = new double[size.pairs()];
    for (int pair = 0; pair < size.pairs(); pair++) {
      double[] without = null;
      double[] with = null;
      for (boolean notify : pair % 2 == 0 ? new boolean[] {false, true} : new boolean[] {true, false}) {
        if (notify) {
          try (WebhookReceiver slow = WebhookReceiver.answering(200).takingMillis(2000)) {
            with = pipeline(dir.resolve("with-" + pair), size, slow);
          }
        } else {
          without = pipeline(dir.resolve("without-" + pair), size, null);
        }
      }
      ratios[pair] = percentile(with, 99) / percentile(without, 99);
      System.out.printf(Locale.ROOT, "change pipeline, %d changes while a release runs (pair %d): without "
              + "notifications p50 %.1f ms, p99 %.1f ms; with every notice to a receiver taking 2 s a call p50 %.1f "
              + "ms, p99 %.1f ms (p99 %.2fx)%n", size.changes(), pair + 1, percentile(without, 50),
          percentile(without, 99), percentile(with, 50), percentile(with, 99), ratios[pair]);
    }
    double ratio = percentile(ratios, 50);
    return new Goals()
        .below(DELIVERY_GOAL, percentile(latencies, 99), 1000, Goals.figure("%.0f ms", percentile(latencies, 99)))
        .atMost(PIPELINE_GOAL, ratio, 1.10, Goals.figure("median of %d pairs: %.2fx", ratios.length, ratio))
        .print();
  }

  /** Faulty releases one after the other; for each, the rollback notice's way from the step to the receiver. */
  private static double[] eventToReceiver(Path dir, int releases) throws Exception {
    try (WebhookReceiver receiver = WebhookReceiver.answering(200);
         Console console = Console.start(dir, receiver)) {
      double[] latencies = new double[releases];
      for (int i = 0; i < releases; i++) {
        String release = console.startRelease("webapi", "1." + (10 + i) + ".0-faulty");
        WebhookReceiver.Received told = awaitNotice(receiver, release, "release-rolled-back", Duration.ofSeconds(90));
        Instant at = Instant.parse(JSON.readTree(told.text()).path("at").asString());
        latencies[i] = Duration.between(at, told.at()).toNanos() / 1e6;
      }
      return latencies;
    }
  }

  /**
   * Changes through the pipeline while a faulty release runs, timed from intent to applied; with {@code receiver},
   * every notice goes to it, and all of them must have arrived at the end.
   */
  private static double[] pipeline(Path dir, Size size, WebhookReceiver receiver) throws Exception {
    try (Console console = Console.start(dir, receiver)) {
      ChangePipeline pipeline = console.context.getBean(ChangePipeline.class);
      for (int i = 0; i < size.warmup(); i++) {
        change(pipeline, i);
      }
      String release = console.startRelease("webapi", "2.0.0-faulty");
      double[] times = new double[size.changes()];
      for (int i = 0; i < size.changes(); i++) {
        long start = System.nanoTime();
        ChangeResult result = change(pipeline, size.warmup() + i);
        times[i] = (System.nanoTime() - start) / 1e6;
        if (result.state() != ChangeResult.State.APPLIED) {
          throw new IllegalStateException("change " + i + " ended " + result.state() + ": " + result.detail());
        }
      }
      if (receiver != null) {
        awaitNotice(receiver, release, "release-rolled-back", Duration.ofSeconds(120));
        System.out.printf(Locale.ROOT, "with the slow receiver: every notice arrived (%d: %s); heap after full GC "
                + "%.0f MB (this JVM: its consoles so far and their sandboxes)%n", receiver.accepted().size(), receiver.accepted().stream()
                .map(r -> r.header(WebhookBody.EVENT_HEADER)).toList(), heapAfterGc() / 1024.0 / 1024.0);
      }
      return times;
    }
  }

  private static ChangeResult change(ChangePipeline pipeline, int i) {
    return pipeline.submit(new Change(new ScaleVersion("document-processor", "v1", 4 + i % 5, 50), OPERATOR, ""));
  }

  private static WebhookReceiver.Received awaitNotice(WebhookReceiver receiver, String release, String event,
                                                      Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      for (WebhookReceiver.Received r : receiver.accepted()) {
        if (event.equals(r.header(WebhookBody.EVENT_HEADER)) && r.text().contains("\"release\":\"" + release + "\"")) {
          return r;
        }
      }
      Thread.sleep(20);
    }
    throw new IllegalStateException("no " + event + " of " + release + " within " + timeout + "; got "
        + receiver.received().stream().map(r -> r.header(WebhookBody.EVENT_HEADER)).toList());
  }

  /** A whole console on its sandbox with a fast release plan, its notices (all of them) to {@code receiver}. */
  private record Console(ConfigurableApplicationContext context, String token) implements AutoCloseable {

    static Console start(Path dir, WebhookReceiver receiver) {
      List<String> args = new ArrayList<>(List.of("--server.port=0", "--aviary.data-dir=" + dir,
          "--aviary.sandbox.ready-delay=100ms", "--aviary.releases.tick=200ms",
          "--aviary.releases.plan.steps=20,50,100", "--aviary.releases.plan.step-duration=1s",
          "--aviary.releases.plan.min-requests=1", "--aviary.releases.plan.ready-timeout=30s",
          "--logging.level.root=WARN", "--logging.level.dev.aviary=WARN"));
      if (receiver != null) {
        args.addAll(List.of("--aviary.notifications.destinations.bench.kind=webhook",
            "--aviary.notifications.destinations.bench.url=" + receiver.url("/bench"),
            "--aviary.notifications.destinations.bench.signing-key=bench",
            "--aviary.notifications.subscriptions[0].events=*",
            "--aviary.notifications.subscriptions[0].destinations=bench"));
      }
      ConfigurableApplicationContext context = new SpringApplicationBuilder(AviaryApplication.class)
          .run(args.toArray(String[]::new));
      return new Console(context, SandboxTokens.of(context.getBean(SandboxIdentityProvider.class), "admin"));
    }

    /** Starts a release through the API, as a script would; answers its name. */
    String startRelease(String service, String tag) throws Exception {
      String port = context.getEnvironment().getProperty("local.server.port");
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (true) {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/releases")).header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                "{\"service\": \"" + service + "\", \"tag\": \"" + tag + "\"}")).build(),
            HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 201) {
          return JSON.readTree(response.body()).path("release").asString();
        }
        // 409: the previous release of the service is still finishing (cleaning up after its rollback).
        if (response.statusCode() != 409 || System.nanoTime() > deadline) {
          throw new IllegalStateException("starting a release answered " + response.statusCode() + ": "
              + response.body());
        }
        Thread.sleep(200);
      }
    }

    @Override
    public void close() {
      context.close();
    }
  }

}
