package dev.aviary.console.sandbox;

import dev.aviary.sandbox.Sandbox;
import io.fabric8.kubernetes.client.Config;

import java.nio.file.Path;

/** The running sandbox as the rest of the console sees it: where its API server, kubeconfig and Git remote are. */
public final class SandboxEnvironment implements AutoCloseable {

  private final Sandbox sandbox;

  SandboxEnvironment(Sandbox sandbox) {
    this.sandbox = sandbox;
  }

  public Config clientConfig() {
    return sandbox.clientConfig();
  }

  public String apiServerUrl() {
    return sandbox.apiServerUrl();
  }

  public Path kubeconfig() {
    return sandbox.kubeconfig();
  }

  public String gitUrl() {
    return sandbox.gitRemote().url();
  }

  @Override
  public void close() {
    sandbox.close();
  }
}
