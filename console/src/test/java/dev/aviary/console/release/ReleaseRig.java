package dev.aviary.console.release;

import dev.aviary.console.ConsoleCluster;
import dev.aviary.testsupport.git.GitCli;
import dev.aviary.console.SignedIn;
import dev.aviary.platform.PlatformProcess;
import dev.aviary.platform.metrics.PrometheusServer;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.springframework.context.ConfigurableApplicationContext;


import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Canary releases with real parts. The sandbox's API server, workload simulator and Git remote stand for the
 * cluster ({@link #startOnRealCluster}: a real control plane with Aviary installed), and the sandbox's OpenID Connect
 * provider for the company's; each version of webapi is served by a real
 * platform-app process (misbehaving as its image tag says, see {@link #faults}); Debian's
 * Prometheus scrapes them; a {@link TrafficDriver} sends requests in the proportion of the live routes; and whole
 * consoles run the release automation, set up as a real installation is (kubeconfig, Git URL, OIDC, Prometheus), not
 * in sandbox mode. Shared by the end-to-end tests and {@code ReleaseBenchmark}.
 */
final class ReleaseRig implements AutoCloseable {

  static final String SERVICE = "webapi";
  static final String NAMESPACE = "document-processing";
  static final String FAULT_ERROR_RATE = "0.2";
  static final int WARM_UP_REQUESTS = 1000;
  private static final Pattern FAULT_TAG = Pattern.compile("-(errors|slow)-([0-9.]+)$");
  /**
   * Limits as short as the sequential judge allows for tests that promote a healthy canary to show something else
   * (a hand-over, a status subresource, a switch): with room for 2% errors and 2 points more than the stable, a step
   * passes once about a thousand requests show it, half of what the defaults need; the p99 budget (1% of requests
   * slower than the limit) stays, and a canary failing a fifth of its requests is rolled back as fast as ever.
   */
  static final List<String> QUICK_LIMITS = List.of("aviary.releases.plan.min-success-ratio=0.98",
      "aviary.releases.plan.max-success-drop=0.02");

  /** {@code settings} with the {@link #QUICK_LIMITS}. */
  static String[] withQuickLimits(String... settings) {
    return Stream.concat(Arrays.stream(settings), QUICK_LIMITS.stream())
        .toArray(String[]::new);
  }

  private final Path dir;
  private final Path jar;
  private final List<String> settings;
  private final Map<String, String> baseline;
  // Not final: started one after the other, and whatever started is stopped again if a later part fails to start.
  private ConsoleCluster cluster;
  private PrometheusServer prometheus;
  private TrafficDriver traffic;
  private final Map<String, PlatformProcess> processes = new LinkedHashMap<>();
  private final Map<String, ConfigurableApplicationContext> consoles = new LinkedHashMap<>();
  private int nextVersion = 2;

  private ReleaseRig(Path dir, Path jar, List<String> settings, Map<String, String> baseline, Starter cluster)
      throws IOException {
    this.dir = dir;
    this.jar = jar;
    this.settings = settings;
    this.baseline = Map.copyOf(baseline);
    try {
      this.cluster = cluster.start();
      processes.put("v1", startVersion("v1", "1.0.0"));
      prometheus = PrometheusServer.start(dir, targets());
      prometheus.awaitTargetsUp(1);
      traffic = new TrafficDriver(this.cluster.client(), NAMESPACE, SERVICE);
      traffic.serve("v1", processes.get("v1").http().base());
    } catch (IOException | RuntimeException | Error e) {
      close();
      throw e;
    }
  }

  /**
   * @param settings console settings ({@code name=value}) over the rig's own, such as the plan's step duration
   */
  static ReleaseRig start(Path dir, int requestsPerSecond, String... settings) throws IOException {
    return start(dir, requestsPerSecond, Map.of(), () -> ConsoleCluster.sandbox(dir), settings);
  }

  /**
   * As {@link #start}, every version's process (the stable's too) with {@code baseline} in its environment, such as
   * {@code FAULT_ERROR_RATE=0.002}: the background failures a real service has.
   */
  static ReleaseRig startWithBaseline(Path dir, int requestsPerSecond, Map<String, String> baseline,
                                      String... settings) throws IOException {
    return start(dir, requestsPerSecond, baseline, () -> ConsoleCluster.sandbox(dir), settings);
  }

  /** As {@link #start}, on a real control plane with Aviary installed as {@code k8s/} has it. */
  static ReleaseRig startOnRealCluster(Path dir, int requestsPerSecond, String... settings) throws IOException {
    return start(dir, requestsPerSecond, Map.of(), ConsoleCluster::real, settings);
  }

  private static ReleaseRig start(Path dir, int requestsPerSecond, Map<String, String> baseline, Starter cluster,
                                  String... settings) throws IOException {
    ReleaseRig rig = new ReleaseRig(dir, PlatformProcess.packagedJar(), List.of(settings), baseline, cluster);
    rig.traffic.start(requestsPerSecond);
    return rig;
  }

  private interface Starter {
    ConsoleCluster start() throws IOException;
  }

  /**
   * Starts a console named {@code identity} (also its name in the leader Lease) and waits until it is up;
   * {@code extra} settings go over the rig's, such as the plan's judge.
   */
  ConfigurableApplicationContext console(String identity, String... extra) {
    List<String> all = new ArrayList<>(List.of("aviary.prometheus.url=" + prometheus.url(),
        "aviary.prometheus.preset=platform", "aviary.releases.tick=200ms",
        "aviary.coordination.identity=" + identity, "aviary.coordination.lease.duration=3s",
        "aviary.coordination.lease.renewal=2s", "aviary.coordination.lease.retry=200ms",
        "logging.level.root=WARN", "logging.level.dev.aviary=WARN"));
    all.addAll(settings);
    all.addAll(List.of(extra));
    ConfigurableApplicationContext console = cluster.console(identity, dir.resolve("console-" + identity), all);
    consoles.put(identity, console);
    return console;
  }

  void stopConsole(String identity) {
    consoles.remove(identity).close();
  }

  /** Any running console's release service: they all read the same Release resources. */
  ReleaseService releases() {
    return consoles.values().iterator().next().getBean(ReleaseService.class);
  }

  /** Who holds the releases Lease now, if anyone. */
  Optional<String> leader() {
    return Optional.ofNullable(lease()).map(l -> l.getSpec().getHolderIdentity());
  }

  /** The consoles' leader Lease as the API server has it now. */
  Lease lease() {
    return cluster.client().leases().inNamespace(cluster.leaseNamespace()).withName("aviary-leader").get();
  }

  /** {@link #prepare} and {@link #start}: a release of {@code tag} started, its name. */
  String begin(String tag) throws IOException, InterruptedException, ExecutionException {
    return start(tag, prepare(tag));
  }

  /**
   * Runs the next canary version's pods: a warmed process, scraped by Prometheus and ready for its share of traffic,
   * misbehaving as its tag says ({@link #faults}).
   *
   * @return the version
   */
  String prepare(String tag) throws IOException {
    String version = "v" + nextVersion++;
    processes.put(version, startVersion(version, tag));
    prometheus.scrape(targets());
    prometheus.awaitTargetsUp(processes.size());
    traffic.serve(version, processes.get(version).http().base());
    return version;
  }

  /** Starts the release of {@code tag} as {@code version} as the sandbox's admin; its name. */
  String start(String tag, String version) throws InterruptedException, ExecutionException {
    return start(tag, version, null);
  }

  /** {@link #start(String, String)} with {@code strategy}; null for the service's default. */
  String start(String tag, String version, ReleaseStrategy strategy) throws InterruptedException,
      ExecutionException {
    SignedIn.as(SignedIn.demo("admin"));
    try {
      releases().start(SERVICE, tag, version, strategy).get();
    } finally {
      SignedIn.out();
    }
    return Awaitility.await("a Release resource for " + version + " after it was started")
        .atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
        .until(() -> releases().releases().stream().filter(r -> r.spec().canaryVersion().equals(version))
            .map(Release::name).findFirst(), Optional::isPresent).orElseThrow();
  }

  /**
   * The release once it satisfies {@code until}, polled every 100 ms; fails the test on timeout, naming the phase
   * and message it was left in.
   */
  Release await(String name, Predicate<Release> until, Duration timeout) {
    AtomicReference<Release> seen = new AtomicReference<>();
    try {
      return Awaitility.await("release " + name).atMost(timeout).pollInterval(Duration.ofMillis(100))
          .until(() -> {
            Release release = releases().release(name).orElse(null);
            seen.set(release);
            return release != null && release.status() != null && until.test(release) ? release : null;
          }, Objects::nonNull);
    } catch (ConditionTimeoutException e) {
      Release last = seen.get();
      throw new AssertionError("release " + name + " did not reach the expected state within " + timeout
          + "; last seen: " + (last == null ? "not created" : last.phase() + ", "
          + (last.status() == null ? "no status" : last.status().message())), e);
    }
  }

  Release awaitFinished(String name, Duration timeout) {
    return await(name, r -> r.phase().finished(), timeout);
  }

  /**
   * Stops the process that served a finished release's canary, as its pods are gone; first waits until the route
   * sends it nothing, as the mesh would drain it (a promoted canary had all the traffic a moment before).
   */
  void retire(Release release) throws IOException {
    String version = release.spec().canaryVersion();
    Awaitility.await("the route to drain " + version).atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(50)).until(() -> traffic.weights().getOrDefault(version, 0) == 0);
    traffic.stopServing(version);
    PlatformProcess process = processes.remove(version);
    if (process != null) {
      process.close();
    }
    prometheus.scrape(targets());
  }

  /** A client with every right on the rig's cluster. */
  KubernetesClient client() {
    return cluster.client();
  }

  TrafficDriver traffic() {
    return traffic;
  }

  PrometheusServer prometheus() {
    return prometheus;
  }

  String git(String... args) {
    return GitCli.run(cluster.gitRemote(), args);
  }

  /**
   * What a tag makes a version's process do, over the rig's baseline: {@code -faulty} fails
   * {@value #FAULT_ERROR_RATE} of requests, {@code -errors-<share>} fails that share, {@code -slow-<ms>} adds that
   * latency to every request.
   */
  static Map<String, String> faults(String tag) {
    if (tag.endsWith("-faulty")) {
      return Map.of("FAULT_ERROR_RATE", FAULT_ERROR_RATE);
    }
    Matcher m = FAULT_TAG.matcher(tag);
    if (!m.find()) {
      return Map.of();
    }
    return Map.of(m.group(1).equals("errors") ? "FAULT_ERROR_RATE" : "FAULT_LATENCY_MS", m.group(2));
  }

  private PlatformProcess startVersion(String version, String tag) throws IOException {
    Map<String, String> env = new LinkedHashMap<>(Map.of("APP_VERSION", version, "WARMUP", "0s"));
    env.putAll(baseline);
    env.putAll(faults(tag));
    PlatformProcess process = PlatformProcess.startJar(jar, env, dir.resolve(version + ".log"));
    warmUp(process);
    return process;
  }

  /**
   * A new JVM answers its first requests slowly (class loading, interpretation): a canary judged on those would be
   * "slower than the stable" for a reason no release is about. Production pods are warmed before they are ready; so is
   * each process here, before Prometheus scrapes it, so the warm-up is in no analysis window.
   */
  private static void warmUp(PlatformProcess process) {
    for (int i = 0; i < WARM_UP_REQUESTS; i++) {
      process.http().get(TrafficDriver.PATH);
    }
  }

  private Map<String, Map<String, String>> targets() {
    Map<String, Map<String, String>> targets = new LinkedHashMap<>();
    processes.values().forEach(p -> targets.put(p.target(), Map.of("service", SERVICE)));
    return targets;
  }

  @Override
  public void close() {
    consoles.values().forEach(ConfigurableApplicationContext::close);
    if (traffic != null) {
      traffic.close();
    }
    processes.values().forEach(PlatformProcess::close);
    for (AutoCloseable part : new AutoCloseable[] {prometheus, cluster}) {
      if (part != null) {
        try {
          part.close();
        } catch (Exception e) {
          throw new IllegalStateException("could not stop " + part, e);
        }
      }
    }
  }
}
