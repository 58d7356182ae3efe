package dev.aviary.testsupport.controlplane;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Taking a real node down without leaving anything on the machine. First as a drained node goes: its pods deleted,
 * so the kubelet stops them and the CNI plugins take their addresses, veths and NAT rules back. Then, for whatever
 * that did not stop (a kubelet that hangs, a test stopped mid-run), by force: every container killed through
 * containerd, the pods' network namespaces and NAT rules removed, and after the processes are gone the shims,
 * mounts under the node's directory, the bridge, the kubelet's own iptables chains and containerd's image store.
 */
final class NodeTeardown {

  private static final Duration DRAIN = Duration.ofSeconds(30);
  private static final Pattern NETWORK_NAMESPACE = Pattern.compile("link-netns (cni-[0-9a-f-]+)");
  /** The kubelet's own chains: a canary to notice iptables being flushed, and one guarding 127.0.0.0/8. */
  private static final List<String> KUBELET_CHAINS = List.of("KUBE-KUBELET-CANARY", "KUBE-FIREWALL");

  private final ControlPlane plane;
  private final String node;
  private final Function<List<String>, List<String>> ctr;

  /** @param ctr a {@code ctr} command line on the node's containerd, in the Kubernetes namespace */
  NodeTeardown(ControlPlane plane, String node, Function<List<String>, List<String>> ctr) {
    this.plane = plane;
    this.node = node;
    this.ctr = ctr;
  }

  /**
   * Drains the node at once: a NoExecute taint keeps controllers' replacement pods off it, and every pod on it is
   * deleted without a grace period; then waits until the kubelet has stopped every container.
   */
  void stopPods() {
    String kubeconfig = "--kubeconfig=" + plane.adminKubeconfig();
    NodeCommands.run(List.of("kubectl", kubeconfig, "taint", "node", node, "aviary.dev/stopping=:NoExecute",
        "--overwrite"));
    NodeCommands.run(List.of("kubectl", kubeconfig, "delete", "pods", "--all-namespaces", "--field-selector",
        "spec.nodeName=" + node, "--grace-period=0", "--force", "--wait=false"));
    try {
      NodeCommands.await("containers stopped on " + node, DRAIN, () -> runningTasks().isEmpty(),
          () -> "still running: " + runningTasks());
    } catch (IOException e) {
      System.err.println("real node: " + e.getMessage() + "; killing them");
    }
  }

  /**
   * Kills what still runs: every process in the node's cgroups (containers and the pause processes of their
   * sandboxes alike), then the pods' network namespaces (found through their veths on the bridge) and NAT rules.
   */
  void killContainers(String cgroupRoot, String bridge) {
    for (String task : runningTasks()) {
      NodeCommands.run(ctr.apply(List.of("tasks", "kill", "--signal", "SIGKILL", task)));
    }
    NodeCommands.run(List.of("bash", "-c", forEachCgroup(cgroupRoot, "[ -d \"$c\" ] && find \"$c\" -name cgroup.procs "
        + "-exec cat {} + | xargs -r kill -9")));
    Matcher namespace = NETWORK_NAMESPACE.matcher(NodeCommands.run(List.of("ip", "-o", "link", "show", "master",
        bridge)).output());
    while (namespace.find()) {
      NodeCommands.run(List.of("ip", "netns", "delete", namespace.group(1)));
    }
    String rules = NodeCommands.run(List.of("iptables", "-t", "nat", "-S", "POSTROUTING")).output();
    rules.lines().filter(rule -> rule.contains("name: \\\"" + NodeFiles.NETWORK + "\\\"")).forEach(rule -> {
      String chain = rule.replaceAll(".* -j (CNI-[0-9a-f]+).*", "$1");
      NodeCommands.run(List.of("bash", "-c", "iptables -t nat " + rule.replaceFirst("^-A", "-D")));
      NodeCommands.run(List.of("iptables", "-t", "nat", "-F", chain));
      NodeCommands.run(List.of("iptables", "-t", "nat", "-X", chain));
    });
  }

  private List<String> runningTasks() {
    return NodeCommands.run(ctr.apply(List.of("tasks", "ls"))).output().lines()
        .filter(line -> line.contains("RUNNING")).map(line -> line.split("\\s+")[0]).toList();
  }

  /**
   * After the node's processes stopped: shims, mounts, the bridge, the kubelet's chains and cgroups, the image store.
   */
  void release(Path directory, Path containerdSocket, String bridge, String cgroupRoot) {
    NodeCommands.run(List.of("pkill", "-KILL", "-f", "containerd-shim-runc-v2 .*-address " + containerdSocket));
    mountsUnder(directory).forEach(mount -> NodeCommands.run(List.of("umount", "--lazy", mount)));
    NodeCommands.run(List.of("ip", "link", "delete", bridge));
    for (String chain : KUBELET_CHAINS) {
      for (String table : List.of("mangle", "nat", "filter")) {
        for (String hook : List.of("INPUT", "OUTPUT")) {
          NodeCommands.run(List.of("iptables", "-t", table, "-D", hook, "-j", chain));
        }
        NodeCommands.run(List.of("iptables", "-t", table, "-F", chain));
        NodeCommands.run(List.of("iptables", "-t", table, "-X", chain));
      }
    }
    // Every controller's hierarchy has the node's cgroups; empty now, they are removed deepest first.
    NodeCommands.run(List.of("bash", "-c", forEachCgroup(cgroupRoot, "[ -d \"$c\" ] && find \"$c\" -depth -type d "
        + "-exec rmdir {} \\;")));
    delete(directory.resolve("containerd-root"));
  }

  /**
   * A shell loop running {@code command} with {@code $c} set to the node's cgroup in every hierarchy: one under
   * cgroup v2, one per hierarchy under v1 (this VM's kernel mounts v1 controllers, and v2 beside them as
   * {@code unified}, where the kubelet makes one too).
   */
  static String forEachCgroup(String cgroupRoot, String command) {
    return "if [ -f /sys/fs/cgroup/cgroup.controllers ]; then set -- /sys/fs/cgroup; else set -- $(find /sys/fs/cgroup "
        + "-mindepth 1 -maxdepth 1 -type d); fi; for h in \"$@\"; do c=\"$h/" + cgroupRoot + "\"; "
        + command + "; done; true";
  }

  /** Mount points under {@code directory}, deepest first. */
  private static List<String> mountsUnder(Path directory) {
    try (Stream<String> lines = Files.lines(Path.of("/proc/self/mountinfo"))) {
      return lines.map(line -> line.split(" ")[4]).filter(point -> point.startsWith(directory.toString()))
          .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the mount table", e);
    }
  }

  private static void delete(Path tree) {
    if (!Files.exists(tree)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(tree)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + tree, e);
    }
  }
}
