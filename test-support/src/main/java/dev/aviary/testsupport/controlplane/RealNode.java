package dev.aviary.testsupport.controlplane;

import dev.aviary.testsupport.InstalledTool;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A real Kubernetes node joined to a {@link ControlPlane#startForRealNode control plane}: the kubelet and kube-proxy
 * built from the same Kubernetes modules ({@code testenv/build.sh}), Debian's containerd and runc running the pods'
 * containers, and Debian's CNI plugins giving each pod an address on a bridge ({@value #POD_SUBNET}), reachable from
 * the machine and from the other pods, with Service addresses programmed into iptables by kube-proxy. Images come
 * from podman's store ({@link #load}); none can be pulled here, so pods use {@code imagePullPolicy: Never} or
 * {@code IfNotPresent}. Needs root, as a node does.
 *
 * <p>What this machine asks of the node's configuration (each found by a failure, see docs/testing.md): containerd
 * must not lower a container's {@code oom_score_adj} and its default spec must set no rlimits (both denied in this
 * VM); the pause image of every pod sandbox is built here from {@code testenv/cmd/pause}; the kubelet uses the
 * cgroupfs driver and tolerates swap.
 */
public final class RealNode implements AutoCloseable {

  public static final String NAME = "aviary-node";
  public static final String POD_SUBNET = "10.244.0.0/24";
  /** The pod sandbox image containerd runs first in every pod, built from the pause binary and loaded at join. */
  public static final String PAUSE_IMAGE = "localhost/aviary-test/pause:1";
  private static final String BRIDGE = "aviary0";
  /** The node's cgroups live under this, apart from anything else on the machine, so a teardown can kill them all. */
  private static final String CGROUP_ROOT = "aviary-node";
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

  private final ControlPlane plane;
  private final Path directory;
  private final String address;
  private final NodeFiles files;
  private final List<ControlPlaneProcess> running = new ArrayList<>();

  private RealNode(ControlPlane plane, Path directory, String address) throws IOException {
    this.plane = plane;
    this.directory = Files.createDirectories(directory);
    this.address = address;
    this.files = new NodeFiles(this.directory, address, BRIDGE, POD_SUBNET, PAUSE_IMAGE, CGROUP_ROOT);
  }

  /**
   * The machine's own address (the one its default route leaves from): what the API server, Git, the sign-in provider
   * and Prometheus listen on so that both the tests and the node's pods reach them.
   */
  public static String hostAddress() {
    try (DatagramSocket socket = new DatagramSocket()) {
      // Connecting a datagram socket sends nothing; it only picks the route, and with it the local address.
      socket.connect(new InetSocketAddress(InetAddress.getByName("192.0.2.255"), 9));
      String address = socket.getLocalAddress().getHostAddress();
      InstalledTool.require(!socket.getLocalAddress().isAnyLocalAddress() && !address.startsWith("127."),
          "no address besides loopback to put a node's API server on", "a network interface with a default route");
      return address;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot find this machine's address", e);
    }
  }

  /** Starts containerd, the kubelet and kube-proxy in {@code directory}, and waits until the node is Ready. */
  public static RealNode join(ControlPlane plane, Path directory) throws IOException {
    requireNodeTools();
    RealNode node = new RealNode(plane, directory, plane.server().getHost());
    // Not a shutdown hook of its own: hooks run at the same time, and the node must drain before the API server goes.
    plane.attach(node);
    try {
      node.start();
      return node;
    } catch (IOException | RuntimeException e) {
      node.close();
      throw e;
    }
  }

  private static void requireNodeTools() {
    String remedy = ".ci/run installs containerd, runc, podman, iptables and containernetworking-plugins";
    InstalledTool.command("containerd", remedy);
    InstalledTool.command("ctr", remedy);
    InstalledTool.command("runc", remedy);
    InstalledTool.command("podman", remedy);
    InstalledTool.command("iptables", remedy);
    InstalledTool.executable(Path.of(NodeFiles.CNI_PLUGINS, "bridge"), remedy);
    InstalledTool.require("root".equals(System.getProperty("user.name")), "a node's kubelet and containerd run as "
        + "root, and this JVM runs as " + System.getProperty("user.name"), "run the tests as root, as CI does");
  }

  private void start() throws IOException {
    files.write(NodeCommands.run(List.of("ctr", "oci", "spec")).output());
    running.add(ControlPlaneProcess.start(Path.of("/usr/bin/containerd"), List.of("--config", files.containerdConfig()
        .toString()), directory, "containerd"));
    NodeCommands.await("containerd answering on " + files.containerdSocket(), READY_TIMEOUT,
        () -> NodeCommands.run(ctr("version")).ok(), () -> tail("containerd"));
    importPauseImage();
    NodeCommands.run(List.of("bash", "-c", NodeTeardown.forEachCgroup(CGROUP_ROOT, "mkdir -p \"$c\"")))
        .orThrow("making the node's cgroups");
    running.add(ControlPlaneProcess.start(plane.binary("kubelet"), List.of("--config=" + files.kubeletConfig(),
        "--kubeconfig=" + plane.adminKubeconfig(), "--root-dir=" + directory.resolve("kubelet"),
        "--cert-dir=" + directory.resolve("kubelet-pki"), "--hostname-override=" + NAME, "--node-ip=" + address),
        directory, "kubelet"));
    int proxyHealth = ControlPlane.freePort();
    running.add(ControlPlaneProcess.start(plane.binary("kube-proxy"), List.of("--kubeconfig=" + plane.adminKubeconfig(),
        "--hostname-override=" + NAME, "--cluster-cidr=" + POD_SUBNET, "--proxy-mode=iptables",
        // The conntrack table's size is the machine's business, not a test's (and this VM refuses to change it).
        "--conntrack-max-per-core=0", "--metrics-bind-address=127.0.0.1:" + ControlPlane.freePort(),
        "--healthz-bind-address=127.0.0.1:" + proxyHealth, "--nodeport-addresses=primary"), directory, "kube-proxy"));
    NodeCommands.await("node " + NAME + " Ready", READY_TIMEOUT, this::ready, () -> tail("kubelet"));
    // Healthy once it has programmed the Services it found; until then pods cannot reach the API server.
    NodeCommands.await("kube-proxy healthy", READY_TIMEOUT, 
        () -> NodeCommands.answers("http://127.0.0.1:" + proxyHealth + "/healthz"), () -> tail("kube-proxy"));
  }

  private boolean ready() {
    try {
      String node = plane.admin().get("/api/v1/nodes/" + NAME).body();
      return ControlPlane.READY.matcher(node).find();
    } catch (IOException notYet) {
      return false;
    }
  }

  private void importPauseImage() throws IOException {
    Path context = Files.createDirectories(directory.resolve("pause-image"));
    Files.copy(plane.binary("pause"), context.resolve("pause"), StandardCopyOption.REPLACE_EXISTING);
    Files.writeString(context.resolve("Containerfile"), """
        FROM scratch
        COPY pause /pause
        USER 65535:65535
        ENTRYPOINT ["/pause"]
        """);
    NodeCommands.run(List.of("podman", "build", "--quiet", "--format", "docker", "--tag", PAUSE_IMAGE,
        context.toString())).orThrow("building the pause image");
    load(PAUSE_IMAGE);
  }

  /** Copies {@code image} from podman's store into the node's containerd, where pods find it without a pull. */
  public void load(String image) {
    NodeCommands.run(List.of("bash", "-o", "pipefail", "-c", "podman save --format docker-archive " + image + " | "
        + String.join(" ", ctr("images", "import", "-")))).orThrow("loading " + image);
  }

  /** Gives an image the node has another name, as {@code docker tag} would (no copy: the same content). */
  public void tag(String image, String name) {
    NodeCommands.run(ctr("images", "tag", "--force", image, name)).orThrow("tagging " + image + " as " + name);
  }

  /** The node's address, which is also the control plane's. */
  public String address() {
    return address;
  }

  private List<String> ctr(String... arguments) {
    return ctr(List.of(arguments));
  }

  private List<String> ctr(List<String> arguments) {
    List<String> command = new ArrayList<>(List.of("ctr", "--address", files.containerdSocket().toString(),
        "--namespace", "k8s.io"));
    command.addAll(arguments);
    return command;
  }

  private String tail(String name) {
    return running.stream().filter(p -> p.name().equals(name)).findFirst()
        .map(p -> "last lines of " + name + "'s log:\n" + p.logTail(30)).orElse(name + " is not running");
  }

  /**
   * Stops the pods the way a drained node does (their sandboxes' networks torn down by the CNI plugins), then the
   * node's processes; kube-proxy removes its iptables rules, and the bridge and containerd's image store go. The
   * logs stay.
   */
  @Override
  public synchronized void close() {
    if (running.isEmpty()) {
      return;
    }
    NodeTeardown teardown = new NodeTeardown(plane, NAME, this::ctr);
    teardown.stopPods();
    teardown.killContainers(CGROUP_ROOT, BRIDGE);
    for (int i = running.size() - 1; i >= 0; i--) {
      running.get(i).close();
    }
    running.clear();
    NodeCommands.run(List.of(plane.binary("kube-proxy").toString(), "--cleanup", "--proxy-mode=iptables"));
    teardown.release(directory, files.containerdSocket(), BRIDGE, CGROUP_ROOT);
  }
}
