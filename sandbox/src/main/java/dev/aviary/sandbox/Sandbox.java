package dev.aviary.sandbox;

import dev.aviary.sandbox.api.SandboxApiServer;
import dev.aviary.sandbox.git.PackCompaction;
import dev.aviary.sandbox.git.SandboxGitRemote;
import dev.aviary.sandbox.simulator.WorkloadSimulator;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.nio.file.Path;
import java.time.Clock;

/**
 * A whole cluster-less environment on 127.0.0.1: API server, workload simulator and Git remote. The cluster starts
 * empty on every start; it is seeded by whoever applies the Git remote's content to it (the console does on start-up),
 * exactly as a real cluster managed through GitOps would be.
 */
public final class Sandbox implements AutoCloseable {

  private final SandboxApiServer apiServer;
  private final KubernetesClient simulatorClient;
  private final WorkloadSimulator simulator;
  private final SandboxGitRemote gitRemote;
  private final PackCompaction gitCompaction;
  private final Path kubeconfig;
  private final String namespace;

  private Sandbox(SandboxApiServer apiServer, KubernetesClient simulatorClient, WorkloadSimulator simulator,
                  SandboxGitRemote gitRemote, Path kubeconfig, String namespace) {
    this.gitCompaction = gitRemote.startCompaction();
    this.apiServer = apiServer;
    this.simulatorClient = simulatorClient;
    this.simulator = simulator;
    this.gitRemote = gitRemote;
    this.kubeconfig = kubeconfig;
    this.namespace = namespace;
  }

  public static Sandbox start(SandboxOptions options, Clock clock) {
    SandboxGitRemote git = SandboxGitRemote.initialize(options.dataDirectory().resolve("manifests.git"),
        options.manifests(), clock);
    SandboxApiServer api = SandboxApiServer.start(options.apiPort(), clock);
    Path kubeconfig = api.writeKubeconfig(options.dataDirectory().resolve("kubeconfig"), options.namespace());
    KubernetesClient simulatorClient = api.newClient(options.namespace());
    WorkloadSimulator simulator = new WorkloadSimulator(simulatorClient, options.simulator(), clock).start();
    return new Sandbox(api, simulatorClient, simulator, git, kubeconfig, options.namespace());
  }

  public Config clientConfig() {
    return apiServer.clientConfig(namespace);
  }

  public String apiServerUrl() {
    return apiServer.url();
  }

  public Path kubeconfig() {
    return kubeconfig;
  }

  public SandboxGitRemote gitRemote() {
    return gitRemote;
  }

  @Override
  public void close() {
    gitCompaction.close();
    simulator.close();
    simulatorClient.close();
    apiServer.close();
  }
}
