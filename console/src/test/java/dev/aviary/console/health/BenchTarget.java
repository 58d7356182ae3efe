package dev.aviary.console.health;

import dev.aviary.console.AviaryApplication;
import dev.aviary.console.RealCluster;
import dev.aviary.console.gitops.RepositoryFiles;
import dev.aviary.sandbox.api.SandboxApiServer;
import dev.aviary.sandbox.git.SandboxGitRemote;
import dev.aviary.sandbox.signin.SandboxIdentityProvider;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The API server the health benchmark loads and points the console at: the sandbox's (in the benchmark's JVM, no
 * simulator: the loader writes every pod and status itself) or a real control plane, where the real controllers
 * make the ReplicaSets and pods and kwok makes them Ready.
 */
interface BenchTarget extends AutoCloseable {

  /** How the figures are labelled. */
  String name();

  BenchCluster cluster();

  /** The whole console, configured as an installation is, reading signals from {@code prometheusUrl}. */
  ConfigurableApplicationContext console(Path dir, String prometheusUrl);

  @Override
  void close();

  static BenchTarget sandbox() {
    SandboxApiServer api = SandboxApiServer.start(0, Clock.systemUTC());
    KubernetesClient client = api.newClient(OverviewBenchmark.NS);
    SandboxIdentityProvider signIn = SandboxIdentityProvider.start(
        new SandboxIdentityProvider.Settings("aviary", "aviary"));
    BenchCluster cluster = new BenchCluster(client, OverviewBenchmark.NS, false, 1);
    return new BenchTarget() {
      @Override
      public String name() {
        return "sandbox API server";
      }

      @Override
      public BenchCluster cluster() {
        return cluster;
      }

      @Override
      public ConfigurableApplicationContext console(Path dir, String prometheusUrl) {
        SandboxGitRemote remote = SandboxGitRemote.initialize(dir.resolve("remote"),
            RepositoryFiles.platformManifests().bytes(), Clock.systemUTC());
        // Arguments, not default properties: application.yaml's settings outrank defaults.
        return new SpringApplicationBuilder(AviaryApplication.class).run(
            "--server.port=0", "--aviary.data-dir=" + dir.resolve("data"),
            "--aviary.cluster.kubeconfig=" + api.writeKubeconfig(dir.resolve("kubeconfig"), OverviewBenchmark.NS),
            "--aviary.git.url=" + remote.url(), "--aviary.prometheus.url=" + prometheusUrl,
            // Sign-in is mandatory on a real cluster: the sandbox's provider stands in for the installation's.
            "--aviary.oidc.issuer-uri=" + signIn.issuer(), "--aviary.oidc.client-id=" + signIn.clientId(),
            "--aviary.oidc.client-secret=" + signIn.clientSecret(),
            "--logging.level.root=WARN", "--logging.level.dev.aviary=WARN");
      }

      @Override
      public void close() {
        signIn.close();
        client.close();
        api.close();
      }
    };
  }

  /** A real control plane with {@code nodes} kwok nodes, Aviary installed as {@code k8s/} has it. */
  static BenchTarget real(int nodes) throws IOException {
    RealCluster real = RealCluster.start("overview-bench");
    try {
      real.plane().addNodes(nodes - 1, 110_000);
      real.plane().awaitNodesReady();
    } catch (IOException | RuntimeException e) {
      real.close();
      throw e;
    }
    BenchCluster cluster = new BenchCluster(real.admin(), OverviewBenchmark.NS, true, nodes);
    return new BenchTarget() {
      @Override
      public String name() {
        return "real API server";
      }

      @Override
      public BenchCluster cluster() {
        return cluster;
      }

      @Override
      public ConfigurableApplicationContext console(Path dir, String prometheusUrl) {
        return real.console("bench", "aviary.prometheus.url=" + prometheusUrl, "aviary.prometheus.preset=istio",
            "logging.level.dev.aviary=WARN");
      }

      @Override
      public void close() {
        real.close();
      }
    };
  }
}
