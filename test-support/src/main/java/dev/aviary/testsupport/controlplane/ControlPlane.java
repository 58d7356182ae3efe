package dev.aviary.testsupport.controlplane;

import dev.aviary.testsupport.InstalledTool;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real Kubernetes control plane on 127.0.0.1 (or on the machine's address, for a {@link RealNode}), built from the Kubernetes Go modules by {@code testenv/build.sh}:
 * etcd, kube-apiserver (RBAC on, its own serving certificate, service-account tokens), kube-controller-manager (so
 * Deployments make ReplicaSets and Pods and garbage collection runs), kube-scheduler, and kwok, which plays the
 * kubelet for fake nodes so scheduled pods become Running and Ready. Free ports; everything under one directory.
 */
public final class ControlPlane implements AutoCloseable {

  /** Where {@code testenv/build.sh} put the binaries; it prints the directory. */
  public static final String BINARIES_VARIABLE = "AVIARY_CONTROL_PLANE";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  /** A Ready condition that is True, as a node's status (JSON) carries it. */
  static final Pattern READY = Pattern.compile("\"type\"\\s*:\\s*\"Ready\",\\s*\"status\"\\s*:\\s*\"True\"");
  private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

  private final Path binaries;
  private final Path directory;
  /** Where the API server listens and what it advertises: loopback, or the address a real node's pods reach. */
  private final String host;
  private final Credentials credentials;
  private final int etcdPort = freePort();
  private final int etcdPeerPort = freePort();
  private final int apiServerPort = freePort();
  private final Map<String, ControlPlaneProcess> running = new LinkedHashMap<>();
  /** What runs on this control plane and must stop before it does (a real node drains through the API server). */
  private final List<AutoCloseable> dependents = new ArrayList<>();
  private final Etcd etcd;
  private ApiServerClient admin;
  private int nodes;

  private ControlPlane(Path binaries, Path directory, String host) throws IOException {
    this.binaries = binaries;
    this.host = host;
    this.directory = Files.createDirectories(directory);
    this.credentials = Credentials.generate(directory);
    this.etcd = new Etcd(URI.create("http://127.0.0.1:" + etcdPort));
  }

  /** The built binaries; skips the test on a laptop without them, fails it in CI. */
  public static Path binaries() {
    String dir = System.getenv(BINARIES_VARIABLE);
    InstalledTool.require(dir != null && !dir.isBlank() && Files.isExecutable(Path.of(dir, "kube-apiserver")),
        "no test control plane: " + BINARIES_VARIABLE + " does not name a directory with kube-apiserver",
        "export " + BINARIES_VARIABLE + "=\"$(bash testenv/build.sh)\"");
    return Path.of(dir);
  }

  /** Starts the whole control plane in {@code directory} with one kwok node, and waits until it serves. */
  public static ControlPlane start(Path directory) throws IOException {
    ControlPlane plane = launch(directory, "127.0.0.1");
    try {
      plane.launch("kwok", plane.kwokArguments());
      plane.addNodes(1, 110_000);
      plane.awaitNodesReady();
      return plane;
    } catch (IOException | RuntimeException e) {
      plane.close();
      throw e;
    }
  }

  /**
   * Starts the control plane for a {@link RealNode}: no kwok, and the API server on {@code host} (the machine's own
   * address, see {@link RealNode#hostAddress()}), which the node's pods reach through the {@code kubernetes}
   * Service and its clients through {@link #server()}.
   */
  public static ControlPlane startForRealNode(Path directory, String host) throws IOException {
    return launch(directory, host);
  }

  private static ControlPlane launch(Path directory, String host) throws IOException {
    ControlPlane plane = new ControlPlane(binaries(), directory, host);
    // Child processes outlive a JVM that is stopped mid-run (Ctrl-C in Maven); this stops them with it.
    Runtime.getRuntime().addShutdownHook(new Thread(plane::close, "control-plane-stop"));
    try {
      plane.launch("etcd", plane.etcdArguments());
      plane.etcd.awaitServing(START_TIMEOUT, () -> plane.failure("etcd"));
      plane.startApiServer();
      plane.kubeconfig("admin", plane.credentials.adminToken);
      plane.launch("kube-controller-manager", plane.controllerManagerArguments());
      plane.launch("kube-scheduler", List.of("--kubeconfig=" + plane.adminKubeconfig(), "--leader-elect=false",
          "--secure-port=0", "--kube-api-qps=500", "--kube-api-burst=1000"));
      return plane;
    } catch (IOException | RuntimeException e) {
      plane.close();
      throw e;
    }
  }

  public URI server() {
    return server(apiServerPort);
  }

  private URI server(int port) {
    return URI.create("https://" + host + ":" + port);
  }

  /** The administrator's client, for a node's own checks. */
  ApiServerClient admin() {
    return admin;
  }

  /** A binary {@code testenv/build.sh} built, such as the kubelet. */
  Path binary(String name) {
    return binaries.resolve(name);
  }

  /** The API server's serving certificate and the CA that signed it, which clients should trust. */
  public Path caCertificate() {
    return directory.resolve("certificates/apiserver.crt");
  }

  /** A kubeconfig for a cluster administrator ({@code system:masters}), for the tests' own set-up. */
  public Path adminKubeconfig() {
    return directory.resolve("admin.kubeconfig");
  }

  public String adminToken() {
    return credentials.adminToken;
  }

  /** A kubeconfig that signs in with {@code token}, written as {@code <name>.kubeconfig}. */
  public Path kubeconfig(String name, String token) {
    return kubeconfig(name, token, server());
  }

  private Path kubeconfig(String name, String token, URI server) {
    String text = """
        apiVersion: v1
        kind: Config
        clusters:
        - name: aviary-test
          cluster:
            server: "%s"
            certificate-authority: "%s"
        users:
        - name: %s
          user:
            token: "%s"
        contexts:
        - name: aviary-test
          context: {cluster: aviary-test, user: %s}
        current-context: aviary-test
        """.formatted(server, caCertificate(), name, token, name);
    try {
      // Written aside and moved in: the components read their kubeconfig while tests write others.
      Path file = directory.resolve(name + ".kubeconfig");
      Path partial = Files.writeString(directory.resolve(name + ".kubeconfig.partial"), text);
      return Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A token for an existing service account (TokenRequest), valid for a day: how a pod's token is made. */
  public String serviceAccountToken(String namespace, String name) throws IOException {
    ApiServerClient.Answer answer = admin.post("/api/v1/namespaces/" + namespace + "/serviceaccounts/" + name
        + "/token", "{\"apiVersion\":\"authentication.k8s.io/v1\",\"kind\":\"TokenRequest\","
        + "\"spec\":{\"expirationSeconds\":86400}}");
    Matcher token = TOKEN.matcher(answer.body());
    if (!answer.ok() || !token.find()) {
      throw new IOException("no token for service account " + namespace + "/" + name + ": HTTP " + answer.status()
          + " " + answer.body());
    }
    return token.group(1);
  }

  /** Adds kwok nodes, each taking up to {@code podsPerNode} pods; their pods become Running and Ready at once. */
  public void addNodes(int count, int podsPerNode) throws IOException {
    for (int i = 0; i < count; i++) {
      String name = "kwok-node-" + nodes++;
      ApiServerClient.Answer answer = admin.post("/api/v1/nodes", KwokNodes.node(name, podsPerNode));
      if (!answer.ok()) {
        throw new IOException("node " + name + " was not created: HTTP " + answer.status() + " " + answer.body());
      }
    }
  }

  /** Waits until kwok has reported every node Ready, which also says that kwok is up and doing its work. */
  public void awaitNodesReady() throws IOException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      ensureRunning("kwok");
      String nodes = admin.get("/api/v1/nodes").body();
      if (READY.matcher(nodes).results().count() == nodes()) {
        return;
      }
      pause();
    }
    throw new IOException("kwok did not make the nodes Ready within " + START_TIMEOUT + "\n" + failure("kwok"));
  }

  /** How many kwok nodes there are. */
  public int nodes() {
    return nodes;
  }

  /** Kills the API server (etcd and the rest keep running), as a crash would; its clients see connections drop. */
  public void stopApiServer() {
    ControlPlaneProcess apiServer = running.remove("kube-apiserver");
    if (apiServer != null) {
      apiServer.kill();
    }
  }

  public boolean apiServerRunning() {
    ControlPlaneProcess apiServer = running.get("kube-apiserver");
    return apiServer != null && apiServer.alive();
  }

  /** Starts the API server again on the same port, with the same certificate and keys, and waits until it serves. */
  public void startApiServer() throws IOException {
    launch("kube-apiserver", apiServerArguments(apiServerPort));
    awaitApiServer("kube-apiserver");
  }

  /**
   * Starts a second API server on the same etcd, as a highly available control plane has: writes through it are
   * seen by the first one's clients, also while the first one is away. The admin kubeconfig for it.
   */
  public Path startSecondApiServer() throws IOException {
    int port = freePort();
    running.put("kube-apiserver-2", ControlPlaneProcess.start(binaries.resolve("kube-apiserver"),
        apiServerArguments(port), directory, "kube-apiserver-2"));
    awaitReady("kube-apiserver-2", new ApiServerClient(server(port), caCertificate(), credentials.adminToken));
    return kubeconfig("admin-2", credentials.adminToken, server(port));
  }

  /**
   * Compacts etcd up to its current revision, as the API server does every five minutes: a watch that resumes from
   * an older resourceVersion is then answered {@code 410 Gone}. The revision compacted to.
   */
  public long compactEtcd() throws IOException {
    return etcd.compact();
  }

  private void awaitApiServer(String name) throws IOException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    // It writes its serving certificate (and the CA of it) on its first start; until then there is nothing to trust.
    while (admin == null && System.nanoTime() < deadline) {
      ensureRunning(name);
      try {
        admin = new ApiServerClient(server(), caCertificate(), credentials.adminToken);
      } catch (UncheckedIOException | IllegalStateException notYet) {
        pause();
      }
    }
    awaitReady(name, admin);
  }

  private void awaitReady(String name, ApiServerClient client) throws IOException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (client != null && System.nanoTime() < deadline) {
      ensureRunning(name);
      try {
        if (client.get("/readyz").ok()) {
          return;
        }
      } catch (IOException notYet) {
        // Not listening yet.
      }
      pause();
    }
    throw new IOException(name + " was not ready within " + START_TIMEOUT + "\n" + failure(name));
  }

  private List<String> etcdArguments() {
    String client = "http://127.0.0.1:" + etcdPort;
    String peer = "http://127.0.0.1:" + etcdPeerPort;
    return List.of("--data-dir=" + directory.resolve("etcd"), "--listen-client-urls=" + client,
        "--advertise-client-urls=" + client, "--listen-peer-urls=" + peer, "--initial-advertise-peer-urls=" + peer,
        "--initial-cluster=default=" + peer, "--unsafe-no-fsync=true", "--quota-backend-bytes=8589934592",
        "--log-level=warn");
  }

  /** Much as envtest starts it, with RBAC on, and limits raised for the scale benchmark's tens of thousands of pods. */
  private List<String> apiServerArguments(int port) {
    // A kubelet's name does not resolve here: the API server reaches it (for logs and exec) at its InternalIP.
    return List.of("--etcd-servers=http://127.0.0.1:" + etcdPort, "--bind-address=" + host,
        "--advertise-address=" + host, "--secure-port=" + port, "--kubelet-preferred-address-types=InternalIP",
        "--cert-dir=" + directory.resolve("certificates"), "--service-cluster-ip-range=10.96.0.0/16",
        "--authorization-mode=RBAC", "--token-auth-file=" + credentials.tokenFile,
        "--service-account-issuer=https://kubernetes.default.svc.cluster.local",
        "--service-account-key-file=" + credentials.verificationKey,
        "--service-account-signing-key-file=" + credentials.signingKey, "--allow-privileged=true",
        "--max-requests-inflight=1000", "--max-mutating-requests-inflight=500", "--profiling=false");
  }

  private List<String> controllerManagerArguments() {
    return List.of("--kubeconfig=" + adminKubeconfig(), "--leader-elect=false", "--secure-port=0",
        "--service-account-private-key-file=" + credentials.signingKey, "--root-ca-file=" + caCertificate(),
        "--cluster-name=aviary-test", "--kube-api-qps=500", "--kube-api-burst=1000",
        "--concurrent-deployment-syncs=10", "--concurrent-replicaset-syncs=10",
        // Autoscalers are looked at every 15 s by default; tests wait for what they do.
        "--horizontal-pod-autoscaler-sync-period=2s");
  }

  private List<String> kwokArguments() {
    return List.of("--kubeconfig=" + adminKubeconfig(), "--config=" + binaries.resolve("kwok-stages.yaml"),
        "--manage-all-nodes=false", "--manage-nodes-with-annotation-selector=" + KwokNodes.ANNOTATION + "=fake",
        "--node-lease-duration-seconds=40", "--cidr=10.244.0.0/16", "--node-ip=10.0.0.2");
  }

  private void launch(String binary, List<String> arguments) throws IOException {
    running.put(binary, ControlPlaneProcess.start(binaries.resolve(binary), arguments, directory, binary));
  }

  private void ensureRunning(String name) throws IOException {
    ControlPlaneProcess process = running.get(name);
    if (process == null || !process.alive()) {
      throw new IOException(name + " exited while starting\n" + failure(name));
    }
  }

  private String failure(String name) {
    ControlPlaneProcess process = running.get(name);
    return process == null ? name + " is not running" : "last lines of " + name + "'s log:\n" + process.logTail(30);
  }

  static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the control plane started", e);
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    }
  }

  /** Has {@code dependent} closed first when this control plane closes, also when the JVM is stopped mid-run. */
  synchronized void attach(AutoCloseable dependent) {
    dependents.add(dependent);
  }

  /**
   * Stops what is attached, then everything else, the last started first; the directory with its logs stays for a
   * look after a failure.
   */
  @Override
  public synchronized void close() {
    for (int i = dependents.size() - 1; i >= 0; i--) {
      try {
        dependents.get(i).close();
      } catch (Exception e) {
        System.err.println("control plane: could not stop " + dependents.get(i) + ": " + e);
      }
    }
    dependents.clear();
    List<ControlPlaneProcess> processes = new ArrayList<>(running.values());
    for (int i = processes.size() - 1; i >= 0; i--) {
      processes.get(i).close();
    }
    running.clear();
  }
}
