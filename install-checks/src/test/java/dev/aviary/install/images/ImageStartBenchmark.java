package dev.aviary.install.images;

import dev.aviary.install.Podman;
import dev.aviary.sandbox.signin.DemoUser;
import dev.aviary.testsupport.BenchmarkOptions;
import dev.aviary.testsupport.Figures;
import dev.aviary.testsupport.Goals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How fast the shipped images start: for each image, with its AOT cache and without it (the same image, the cache
 * turned off with {@code JDK_JAVA_OPTIONS=-XX:AOTMode=off}), the time from {@code podman run} to the first 200 from readiness, over
 * fresh containers (median and worst), the main process's RSS once ready, and for the console its RSS after a
 * person signed in and a minute passed. Then each image's size and layers.
 *
 * <p>{@code ./mvnw -q -Pbench -pl install-checks -am verify} (five starts per row, the minute signed in);
 * {@code -Dbench.args=--small}: one start per row and no minute, what {@code ImageStartBenchmarkTest} runs in
 * every build.
 */
public final class ImageStartBenchmark {

  /** One row: an image started one way. */
  private record Row(Images.Shipped image, boolean aotCache, boolean warmUp) {

    String name() {
      return image.name().toLowerCase().replace('_', '-') + (aotCache ? ", AOT cache" : ", no AOT cache")
          + (image == Images.Shipped.PLATFORM_APP ? (warmUp ? ", its 2 s warm-up" : ", WARMUP=0s") : "");
    }

    Map<String, String> environment() {
      Map<String, String> environment = new LinkedHashMap<>();
      if (!aotCache) {
        // Read by the java launcher besides the image's JAVA_TOOL_OPTIONS, which stay as the image sets them.
        environment.put("JDK_JAVA_OPTIONS", "-XX:AOTMode=off");
      }
      if (image == Images.Shipped.PLATFORM_APP && !warmUp) {
        // platform-app reports not ready for WARMUP (default 2 s) after it started, on purpose: a stand-in for a
        // service warming its caches. The start goal is about the image's own start, so these rows leave it out.
        environment.put("WARMUP", "0s");
      }
      return environment;
    }
  }

  /** The rows in the order printed: each image with and without its AOT cache, platform-app also as configured. */
  private static final List<Row> ROWS = List.of(new Row(Images.Shipped.CONSOLE, true, false),
      new Row(Images.Shipped.CONSOLE, false, false), new Row(Images.Shipped.PLATFORM_APP, true, false),
      new Row(Images.Shipped.PLATFORM_APP, false, false), new Row(Images.Shipped.PLATFORM_APP, true, true));

  private record Start(double seconds, long residentKb) {
  }

  private final Podman podman;
  private final int starts;
  private final Duration signedInFor;

  private ImageStartBenchmark(Podman podman, int starts, Duration signedInFor) {
    this.podman = podman;
    this.starts = starts;
    this.signedInFor = signedInFor;
  }

  public static void main(String[] args) throws Exception {
    List<String> options = BenchmarkOptions.of(args);
    boolean small = options.contains("--small");
    run(small ? 1 : 5, small ? Duration.ZERO : Duration.ofMinutes(1)).print();
  }

  /** Runs the benchmark, printing a line per row; the goals, measured. */
  public static Goals run(int starts, Duration signedInFor) throws Exception {
    return new ImageStartBenchmark(Podman.installed(), starts, signedInFor).measure();
  }

  private Goals measure() throws Exception {
    System.out.printf("Image start benchmark: %d fresh container(s) per row, run as the manifests run them%n", starts);
    Map<Row, double[]> seconds = new LinkedHashMap<>();
    for (Row row : ROWS) {
      Images.built(podman, row.image());
      List<Start> measured = new ArrayList<>();
      for (int i = 0; i < starts; i++) {
        measured.add(startOnce(row));
      }
      double[] times = measured.stream().mapToDouble(Start::seconds).toArray();
      seconds.put(row, times);
      System.out.printf("  %-45s start to ready: median %.2f s, worst %.2f s; RSS when ready %d MB%n", row.name(),
          Figures.percentile(times, 50), Figures.max(times),
          Math.round(measured.stream().mapToLong(Start::residentKb).average().orElse(Double.NaN) / 1024));
    }
    if (!signedInFor.isZero()) {
      System.out.printf("  console, AOT cache: RSS after a person signed in and %d s passed: %d MB%n",
          signedInFor.toSeconds(), signedInResidentKb() / 1024);
    }
    for (Images.Shipped image : Images.Shipped.values()) {
      System.out.println("  " + ImageFacts.of(podman, image.tag()).describe());
    }
    double console = Figures.percentile(seconds.get(ROWS.get(0)), 50);
    double platform = Figures.percentile(seconds.get(ROWS.get(2)), 50);
    return new Goals()
        .below("console start to ready under 5 s", console, 5.0, Goals.figure("median %.2f s", console))
        .below("platform-app start to ready under 3 s (WARMUP=0s)", platform, 3.0,
            Goals.figure("median %.2f s", platform));
  }

  private Start startOnce(Row row) {
    long started = System.nanoTime();
    try (Container container = Container.start(podman, row.image(), row.environment())) {
      if (!container.awaitReady(row.image(), Duration.ofMinutes(2))) {
        throw new IllegalStateException(row.name() + " was not ready within 2 minutes:\n" + container.log());
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      return new Start(seconds, container.residentKilobytes());
    }
  }

  private long signedInResidentKb() throws Exception {
    try (SandboxConsole console = SandboxConsole.start(podman, Map.of())) {
      if (!console.container().awaitReady(Images.Shipped.CONSOLE, Duration.ofMinutes(2))) {
        throw new IllegalStateException("The console was not ready within 2 minutes:\n" + console.container().log());
      }
      FormSignIn browser = new FormSignIn();
      var page = browser.signIn(browser.open(console.home()), DemoUser.ALL.get(1));
      if (page.statusCode() != 200 || page.uri().getPort() != console.consolePort()) {
        throw new IllegalStateException("Sign-in ended at " + page.uri() + " with " + page.statusCode());
      }
      sleep(signedInFor);
      return console.container().residentKilobytes();
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted", e);
    }
  }
}
