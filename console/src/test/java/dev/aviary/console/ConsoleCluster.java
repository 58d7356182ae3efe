package dev.aviary.console.release;

import dev.aviary.console.RealCluster;
import dev.aviary.console.AviaryApplication;
import dev.aviary.console.gitops.RepositoryFiles;
import dev.aviary.sandbox.Sandbox;
import dev.aviary.sandbox.SandboxOptions;
import dev.aviary.sandbox.signin.SandboxIdentityProvider;
import dev.aviary.sandbox.simulator.SimulatorSettings;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a {@link ReleaseRig}'s consoles run releases: the sandbox (its API server, workload simulator and Git
 * remote), or a real control plane with Aviary installed as {@code k8s/} has it ({@link RealCluster}).
 */
interface ReleaseCluster extends AutoCloseable {

  /** A client with every right, standing for the operator's kubectl. */
  KubernetesClient client();

  /** The bare repository the consoles push to. */
  Path gitRemote();

  SandboxIdentityProvider provider();

  /** Where the consoles keep the releases Lease. */
  String leaseNamespace();

  /** A console configured as an installation is, with {@code settings} ({@code name=value}) over that. */
  ConfigurableApplicationContext console(String identity, Path dataDirectory, List<String> settings);

  @Override
  void close();

  static ReleaseCluster sandbox(Path dir) {
    SimulatorSettings simulator = SimulatorSettings.defaults();
    Sandbox sandbox = Sandbox.start(new SandboxOptions(dir.resolve("sandbox"), 0, ReleaseRig.NAMESPACE,
        RepositoryFiles.platformManifests().bytes(), new SimulatorSettings(simulator.startDelay(),
        Duration.ofMillis(500), simulator.tick(), simulator.nodes())), Clock.systemUTC());
    SandboxIdentityProvider provider;
    try {
      provider = SandboxIdentityProvider.start(new SandboxIdentityProvider.Settings("aviary", "aviary"));
    } catch (RuntimeException e) {
      sandbox.close();
      throw e;
    }
    KubernetesClient client = new KubernetesClientBuilder().withConfig(sandbox.clientConfig()).build();
    return new ReleaseCluster() {
      @Override
      public KubernetesClient client() {
        return client;
      }

      @Override
      public Path gitRemote() {
        return Path.of(URI.create(sandbox.gitRemote().url()));
      }

      @Override
      public SandboxIdentityProvider provider() {
        return provider;
      }

      @Override
      public String leaseNamespace() {
        return ReleaseRig.NAMESPACE;
      }

      @Override
      public ConfigurableApplicationContext console(String identity, Path dataDirectory, List<String> settings) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--aviary.data-dir=" + dataDirectory,
            "--aviary.cluster.kubeconfig=" + sandbox.kubeconfig(), "--aviary.git.url=" + sandbox.gitRemote().url(),
            "--aviary.oidc.issuer-uri=" + provider.issuer(), "--aviary.oidc.client-id=" + provider.clientId(),
            "--aviary.oidc.client-secret=" + provider.clientSecret()));
        settings.forEach(s -> args.add("--" + s));
        return new SpringApplicationBuilder(AviaryApplication.class).run(args.toArray(String[]::new));
      }

      @Override
      public void close() {
        client.close();
        provider.close();
        sandbox.close();
      }
    };
  }

  static ReleaseCluster real() throws IOException {
    RealCluster cluster = RealCluster.start("real-release");
    return new ReleaseCluster() {
      @Override
      public KubernetesClient client() {
        return cluster.admin();
      }

      @Override
      public Path gitRemote() {
        return cluster.gitRemote();
      }

      @Override
      public SandboxIdentityProvider provider() {
        return cluster.provider();
      }

      @Override
      public String leaseNamespace() {
        return "aviary";
      }

      @Override
      public ConfigurableApplicationContext console(String identity, Path dataDirectory, List<String> settings) {
        List<String> all = new ArrayList<>(settings);
        all.add("aviary.data-dir=" + dataDirectory);
        return cluster.console(identity, all.toArray(String[]::new));
      }

      @Override
      public void close() {
        cluster.close();
      }
    };
  }
}
