package dev.aviary.sandbox.api;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The sandbox's Kubernetes API server on 127.0.0.1: fabric8's CRUD dispatcher, extended ({@link SandboxDispatcher}),
 * behind an HTTP server of its own that also streams watches to kubectl ({@link SandboxHttpServer}).
 * Plain HTTP and no authentication, which is why it only ever binds to the loopback address.
 */
public final class SandboxApiServer implements AutoCloseable {

  public static final String CONTEXT = "aviary-sandbox";

  private final SandboxHttpServer server;

  private SandboxApiServer(SandboxHttpServer server) {
    this.server = server;
  }

  /** @param port 0 for a free port */
  public static SandboxApiServer start(int port, Clock clock) {
    return serving(new SandboxDispatcher(ResourceCatalog.standard(), clock), port);
  }

  /** Serves a dispatcher the caller keeps, to look into its store. */
  static SandboxApiServer serving(SandboxDispatcher dispatcher, int port) {
    SandboxHttpServer server = SandboxHttpServer.start(dispatcher, port);
    dispatcher.announceAddress("127.0.0.1:" + server.port());
    return new SandboxApiServer(server);
  }

  public int port() {
    return server.port();
  }

  public String url() {
    return "http://127.0.0.1:" + port();
  }

  /** A client configuration for this server, independent of any kubeconfig on the machine. */
  public Config clientConfig(String namespace) {
    Config config = Config.empty();
    config.setMasterUrl(url());
    config.setNamespace(namespace);
    config.setHttp2Disable(true);
    config.setRequestRetryBackoffLimit(0);
    return config;
  }

  public KubernetesClient newClient(String namespace) {
    return new KubernetesClientBuilder().withConfig(clientConfig(namespace)).build();
  }

  /** Writes a kubeconfig for kubectl and other tools, with this server as its current context. */
  public Path writeKubeconfig(Path file, String namespace) {
    String yaml = """
        apiVersion: v1
        kind: Config
        clusters:
        - name: %1$s
          cluster:
            server: %2$s
        contexts:
        - name: %1$s
          context:
            cluster: %1$s
            namespace: %3$s
            user: sandbox
        current-context: %1$s
        users:
        - name: sandbox
          user: {}
        """.formatted(CONTEXT, url(), namespace);
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, yaml);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the sandbox kubeconfig to " + file, e);
    }
  }

  /** Stops serving. A client that keeps a connection open past the server's 10 s grace is only logged. */
  @Override
  public void close() {
    try {
      server.close();
    } catch (IllegalStateException e) {
      LoggerFactory.getLogger(SandboxApiServer.class).warn("sandbox API server on {} closed with connections still "
          + "open: {}", url(), e.getMessage());
    }
  }
}
