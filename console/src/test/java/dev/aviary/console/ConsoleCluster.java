package dev.aviary.console;

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
 * Where whole consoles run side by side, as replicas of one installation: the sandbox (its API server, workload
 * simulator and Git remote), or a real control plane with Aviary installed as {@code k8s/} has it
 * ({@link RealCluster}).
 */
public interface ConsoleCluster extends AutoCloseable {

  String NAMESPACE = "document-processing";

  /** A client with every right, standing for the operator's kubectl. */
  KubernetesClient client();

  /** The bare repository the consoles push to. */
  Path gitRemote();

  SandboxIdentityProvider provider();

  /** Where the consoles keep their Leases. */
  String leaseNamespace();

  /** A console configured as an installation is, with {@code settings} ({@code name=value}) over that. */
  ConfigurableApplicationContext console(String identity, Path dataDirectory, List<String> settings);

  /** As {@link #console}, in a JVM of its own, so it can be killed as a crash would. */
  ConsoleProcess consoleProcess(String identity, Path dataDirectory, List<String> settings);

  @Override
  void close();

  static ConsoleCluster sandbox(Path dir) {
    SimulatorSettings simulator = SimulatorSettings.defaults();
    Sandbox sandbox = Sandbox.start(new SandboxOptions(dir.resolve("sandbox"), 0, NAMESPACE,
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
    return new ConsoleCluster() {
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
        return NAMESPACE;
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
      public ConsoleProcess consoleProcess(String identity, Path dataDirectory, List<String> settings) {
        List<String> all = new ArrayList<>(List.of("aviary.data-dir=" + dataDirectory,
            "aviary.cluster.kubeconfig=" + sandbox.kubeconfig(), "aviary.git.url=" + sandbox.gitRemote().url(),
            "aviary.oidc.issuer-uri=" + provider.issuer(), "aviary.oidc.client-id=" + provider.clientId(),
            "aviary.oidc.client-secret=" + provider.clientSecret(), "aviary.coordination.identity=" + identity));
        all.addAll(settings);
        return ConsoleProcess.start(dataDirectory, ConsoleProcess.freePort(), List.of("-Xmx512m"), all);
      }

      @Override
      public void close() {
        client.close();
        provider.close();
        sandbox.close();
      }
    };
  }

  static ConsoleCluster real() throws IOException {
    RealCluster cluster = RealCluster.start("real-release");
    return new ConsoleCluster() {
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
      public ConsoleProcess consoleProcess(String identity, Path dataDirectory, List<String> settings) {
        throw new UnsupportedOperationException("a console in a process of its own runs on the sandbox only: on the "
            + "real control plane it would need the service account's kubeconfig written for it");
      }

      @Override
      public void close() {
        cluster.close();
      }
    };
  }
}
