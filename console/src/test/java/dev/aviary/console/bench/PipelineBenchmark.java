package dev.aviary.console.bench;

import dev.aviary.testsupport.git.GitCli;
import dev.aviary.console.access.Identity;
import dev.aviary.console.cluster.ClusterWriter;
import dev.aviary.console.cluster.fabric8.TestClusterWriters;
import dev.aviary.console.gitops.Change;
import dev.aviary.console.gitops.ChangePipeline;
import dev.aviary.console.gitops.ChangeResult;
import dev.aviary.console.gitops.Gates;
import dev.aviary.console.gitops.GitProperties;
import dev.aviary.console.gitops.ManifestReader;
import dev.aviary.console.gitops.RepositoryFiles;
import dev.aviary.console.gitops.jgit.TestWorkspaces;
import dev.aviary.console.scaling.ScaleVersion;
import dev.aviary.sandbox.Sandbox;
import dev.aviary.sandbox.SandboxOptions;
import dev.aviary.sandbox.simulator.SimulatorSettings;
import dev.aviary.testsupport.Goals;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 200 changes through the change pipeline (sync, edit, validate, commit, push, server-side apply) against the
 * sandbox's bare remote on disk and its API server, timed from intent to pushed and to applied; then the same
 * edits with the git CLI (commit + push) as the reference. Run: {@code ./mvnw -q -Pconsole-bench -pl console -am verify}.
 */
public final class PipelineBenchmark {

  static final int WARMUP = 20;
  static final int CHANGES = 200;
  /** The small size every build runs ({@code PipelineBenchmarkTest}), so that the benchmark cannot rot unseen. */
  static final int SMALL_WARMUP = 2;
  static final int SMALL_CHANGES = 6;
  static final Identity OPERATOR = new Identity("Bench Operator", "bench@example.com");
  static final String[] SERVICES = {"webapi", "document-processor"};
  static final String[] FILES = {"base/webapi/horizontal-pod-autoscaler-v1.yaml",
      "base/document-processor/horizontal-pod-autoscaler-v1.yaml"};

  public static void main(String[] args) throws Exception {
    boolean small = args.length > 0 && args[0].equals("--small");
    run(small ? SMALL_WARMUP : WARMUP, small ? SMALL_CHANGES : CHANGES);
  }

  static final String APPLIED_GOAL = "p99 applied under 300 ms";
  static final String CLI_GOAL = "within 2x of the git CLI (p50)";

  /** Runs {@code changes} measured changes after {@code warmup} unmeasured ones and prints the figures and goals. */
  static Goals run(int warmup, int changes) throws Exception {
    java.util.logging.Logger.getLogger("io.fabric8.mockwebserver").setLevel(java.util.logging.Level.WARNING);
    Path dir = Files.createTempDirectory("aviary-pipeline-bench");
    try (Sandbox sandbox = Sandbox.start(new SandboxOptions(dir.resolve("sandbox"), 0, "document-processing",
        RepositoryFiles.platformManifests().bytes(), SimulatorSettings.defaults()), Clock.systemUTC());
         KubernetesClient client = new KubernetesClientBuilder().withConfig(sandbox.clientConfig()).build()) {
      TimedWorkspace workspace = new TimedWorkspace(TestWorkspaces.clone(sandbox.gitRemote().url(), "main",
          dir.resolve("workspace")));
      ClusterWriter cluster = TestClusterWriters.forClient(client, List.of("document-processing"));
      workspace.sync();
      cluster.apply(new ManifestReader(workspace).read("").stream().map(ManifestReader.Manifest::object).toList());
      GitProperties git = new GitProperties(sandbox.gitRemote().url(), "main", "", null, null,
          new GitProperties.Committer("Aviary", "aviary@aviary.invalid"), 5, GitProperties.Ssh.NONE);
      ChangePipeline pipeline = new ChangePipeline(workspace, Gates.inMemory(workspace, cluster, git), git,
          event -> { });

      for (int i = 0; i < warmup; i++) {
        change(pipeline, i);
      }
      workspace.resetBreakdown();
      long[] pushed = new long[changes];
      long[] applied = new long[changes];
      for (int i = 0; i < changes; i++) {
        long start = System.nanoTime();
        ChangeResult result = change(pipeline, warmup + i);
        applied[i] = System.nanoTime() - start;
        pushed[i] = workspace.lastPushNanos() - start;
        if (result.state() != ChangeResult.State.APPLIED) {
          throw new IllegalStateException("change " + i + " ended " + result.state() + ": " + result.detail());
        }
      }
      long[] cli = gitCliReference(sandbox.gitRemote().directory(), dir.resolve("cli"), changes);
      Goals goals = report(warmup, pushed, applied, cli);
      System.out.println("where a change's time goes, on average: " + workspace.breakdown()
          + "; the rest is reading, editing and validating the manifests, and the server-side apply");
      return goals;
    }
  }

  /** Alternates services; each service's minimum cycles 4..8, so every change really changes something. */
  private static ChangeResult change(ChangePipeline pipeline, int i) {
    return pipeline.submit(new Change(new ScaleVersion(SERVICES[i % 2], "v1", replicas(i), 50), OPERATOR, ""));
  }

  private static int replicas(int i) {
    return 4 + (i / 2) % 5;
  }

  /** The same edits by hand: rewrite the value, git commit, git push; timed per edit. */
  private static long[] gitCliReference(Path remote, Path clone, int changes) throws Exception {
    GitCli.run(remote.getParent(), "clone", "-q", remote.toString(), clone.toString());
    GitCli.run(clone, "config", "user.name", "Bench Operator");
    GitCli.run(clone, "config", "user.email", "bench@example.com");
    long[] times = new long[changes];
    for (int i = 0; i < changes; i++) {
      Path file = clone.resolve(FILES[i % 2]);
      String before = Files.readString(file);
      Matcher current = Pattern.compile("minReplicas: (\\d+)").matcher(before);
      if (!current.find()) {
        throw new IllegalStateException("no minReplicas in " + file);
      }
      int next = Integer.parseInt(current.group(1)) == 4 ? 5 : 4;
      long start = System.nanoTime();
      Files.writeString(file, current.replaceFirst("minReplicas: " + next));
      GitCli.run(clone, "commit", "-qam", SERVICES[i % 2] + ": scale to " + next);
      GitCli.run(clone, "push", "-q", "origin", "HEAD:main");
      times[i] = System.nanoTime() - start;
    }
    return times;
  }

  private static Goals report(int warmup, long[] pushed, long[] applied, long[] cli) {
    double appliedP50 = millis(applied, 50);
    double appliedP99 = millis(applied, 99);
    double cliP50 = millis(cli, 50);
    double cliP99 = millis(cli, 99);
    System.out.printf("Aviary change pipeline: %d changes (after %d warm-up), bare remote on disk, sandbox API server%n",
        applied.length, warmup);
    System.out.printf("  intent -> pushed    p50 %6.1f ms   p99 %6.1f ms%n", millis(pushed, 50), millis(pushed, 99));
    System.out.printf("  intent -> applied   p50 %6.1f ms   p99 %6.1f ms%n", appliedP50, appliedP99);
    System.out.printf("git CLI reference: the same %d edits, commit + push%n", cli.length);
    System.out.printf("  edit -> pushed      p50 %6.1f ms   p99 %6.1f ms%n", cliP50, cliP99);
    System.out.printf("ratio Aviary applied / git CLI pushed: p50 %.2fx, p99 %.2fx%n", appliedP50 / cliP50,
        appliedP99 / cliP99);
    return new Goals()
        .below(APPLIED_GOAL, appliedP99, 300, Goals.figure("%.1f ms", appliedP99))
        .atMost(CLI_GOAL, appliedP50 / cliP50, 2, Goals.figure("%.2fx", appliedP50 / cliP50))
        .print();
  }

  private static double millis(long[] nanos, double percentile) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(percentile / 100 * sorted.length);
    return sorted[Math.max(0, rank - 1)] / 1e6;
  }
}
