package dev.aviary.console.journey;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.aviary.console.ConsoleProcess;
import dev.aviary.console.access.SignInProvider;
import dev.aviary.console.gitops.RepositoryFiles;
import dev.aviary.sandbox.Sandbox;
import dev.aviary.sandbox.SandboxOptions;
import dev.aviary.sandbox.signin.SandboxIdentityProvider;
import dev.aviary.sandbox.simulator.SimulatorSettings;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a signed-in browser session costs the console, measured as browsers make them: the console runs alone in a
 * JVM of its own (the sign-in provider, the sandbox API server and Git remote live in this one), and Chromium
 * contexts sign in through the provider's login form and keep the overview open. The console's heap after a full
 * GC (jcmd) is read with one session open and again with {@code sessions} more; the difference per session is the
 * figure (goal: under 300 KB). Run: {@code ./mvnw -q -Pconsole-bench -pl console -am verify
 * -Dbench.main=dev.aviary.console.journey.SessionMemoryBenchmark}; {@code SessionMemoryBenchmarkTest} runs 3
 * sessions in every build.
 */
public final class SessionMemoryBenchmark {

  static final int SESSIONS = 40;
  static final int SMALL_SESSIONS = 3;
  private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

  public static void main(String[] args) throws Exception {
    run(args.length > 0 && args[0].equals("--small") ? SMALL_SESSIONS : SESSIONS);
    System.exit(0);
  }

  /** @return the heap each additional session costs the console, in bytes */
  static double run(int sessions) throws Exception {
    Path dir = Files.createTempDirectory("aviary-session-bench");
    try (Sandbox sandbox = Sandbox.start(new SandboxOptions(dir.resolve("sandbox"), 0, "document-processing",
        RepositoryFiles.platformManifests().bytes(), SimulatorSettings.defaults()), Clock.systemUTC());
         SandboxIdentityProvider provider = SandboxIdentityProvider.start(
             new SandboxIdentityProvider.Settings("aviary", "aviary"))) {
      int port = ConsoleProcess.freePort();
      provider.registerConsole("http://127.0.0.1:" + port, SignInProvider.REGISTRATION_ID);
      try (ConsoleProcess running = startConsole(dir, port, sandbox, provider);
           Chromium chromium = Chromium.launch()) {
        Process console = running.process();
        List<BrowserContext> open = new ArrayList<>();
        open.add(signedIn(chromium.browser, port, "viewer"));
        long before = heapAfterGc(console);
        Map<String, Long> classesBefore = histogram(console);
        for (int i = 0; i < sessions; i++) {
          open.add(signedIn(chromium.browser, port, i % 2 == 0 ? "operator" : "viewer"));
        }
        long after = heapAfterGc(console);
        printGrowth(classesBefore, histogram(console), sessions);
        double perSession = (after - before) / (double) sessions;
        System.out.printf(Locale.ROOT, "console heap after full GC: %.1f MB with 1 session, %.1f MB with %d more%n",
            before / 1e6, after / 1e6, sessions);
        System.out.printf(Locale.ROOT, "heap per signed-in session with the overview open: %.0f KB (goal under "
            + "300 KB: %s)%n", perSession / 1024, perSession < 300 * 1024 ? "met" : "NOT met");
        open.forEach(BrowserContext::close);
        return perSession;
      }
    }
  }

  /** The console as an installation runs it: its own JVM, a kubeconfig, a Git remote, the provider for sign-in. */
  private static ConsoleProcess startConsole(Path dir, int port, Sandbox sandbox, SandboxIdentityProvider provider) {
    List<String> jvm = new ArrayList<>(List.of("-Xmx512m"));
    // e.g. -Dbench.console-jvm=-XX:StartFlightRecording=... to see where a session's memory goes
    String extra = System.getProperty("bench.console-jvm", "");
    if (!extra.isBlank()) {
      jvm.addAll(List.of(extra.trim().split("\\s+")));
    }
    System.out.println("console: java " + String.join(" ", jvm) + " (log " + dir.resolve("console/console.log") + ")");
    return ConsoleProcess.start(dir.resolve("console"), port, jvm, List.of("aviary.data-dir=" + dir.resolve("console"),
        "aviary.cluster.kubeconfig=" + sandbox.kubeconfig(), "aviary.git.url=" + sandbox.gitRemote().url(),
        "aviary.oidc.issuer-uri=" + provider.issuer(), "aviary.oidc.client-id=" + provider.clientId(),
        "aviary.oidc.client-secret=" + provider.clientSecret(), "logging.level.root=WARN"));
  }

  /** A new browser context that signs in through the provider and waits for the overview's rows. */
  private static BrowserContext signedIn(Browser browser, int port, String user) {
    BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
    Page page = context.newPage();
    page.navigate("http://127.0.0.1:" + port + "/");
    JourneyTest.fillLoginForm(page, user);
    page.locator("#overview-grid vaadin-grid-cell-content").getByText("webapi").first().waitFor();
    return context;
  }

  /** The console's heap after a full collection, from jcmd (the JDK's own diagnostic command). */
  private static long heapAfterGc(Process console) throws Exception {
    String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      run(jcmd, String.valueOf(console.pid()), "GC.run");
      Matcher m = HEAP_USED.matcher(run(jcmd, String.valueOf(console.pid()), "GC.heap_info"));
      if (!m.find()) {
        throw new IllegalStateException("jcmd GC.heap_info printed no heap figure");
      }
      used = Math.min(used, Long.parseLong(m.group(1)) * 1024);
    }
    return used;
  }

  /** Bytes per class on the console's heap (live objects only: jcmd collects first). */
  private static Map<String, Long> histogram(Process console) throws Exception {
    String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    Map<String, Long> bytes = new HashMap<>();
    for (String line : run(jcmd, String.valueOf(console.pid()), "GC.class_histogram").split("\n")) {
      String[] f = line.trim().split("\\s+");
      if (f.length >= 4 && f[0].endsWith(":")) {
        bytes.merge(f[3], Long.parseLong(f[2]), Long::sum);
      }
    }
    return bytes;
  }

  /** Where the sessions' memory went: the classes whose live bytes grew most, per session. */
  private static void printGrowth(Map<String, Long> before, Map<String, Long> after, int sessions) {
    System.out.println("largest growth per session, by class:");
    after.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(12)
        .forEach(e -> System.out.printf(Locale.ROOT, "  %7.1f KB  %s%n", e.getValue() / 1024.0 / sessions,
            e.getKey()));
  }

  private static String run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
    }
    return out;
  }
}
