package dev.aviary.testsupport.controlplane;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real node's configuration files: containerd's (its CRI plugin with runc, the CNI bridge and the local pause
 * image), the containers' default spec, the CNI network, and the kubelet's.
 */
final class NodeFiles {

  /** Where Debian's containernetworking-plugins put the CNI plugins (containerd's default is /opt/cni/bin). */
  static final String CNI_PLUGINS = "/usr/lib/cni";
  /** The pods' CNI network; the plugins name it in every NAT rule they add for a pod. */
  static final String NETWORK = "aviary-node";

  private final Path directory;
  private final String address;
  private final String bridge;
  private final String podSubnet;
  private final String pauseImage;
  private final String cgroupRoot;

  NodeFiles(Path directory, String address, String bridge, String podSubnet, String pauseImage, String cgroupRoot) {
    this.directory = directory;
    this.address = address;
    this.bridge = bridge;
    this.podSubnet = podSubnet;
    this.pauseImage = pauseImage;
    this.cgroupRoot = cgroupRoot;
  }

  Path containerdConfig() {
    return directory.resolve("containerd.toml");
  }

  Path containerdSocket() {
    return directory.resolve("containerd.sock");
  }

  Path kubeletConfig() {
    return directory.resolve("kubelet.yaml");
  }

  /** @param defaultSpec what {@code ctr oci spec} prints: containerd's default container spec */
  void write(String defaultSpec) throws IOException {
    // This VM denies raising rlimits to the default spec's values (runc then fails to start the container).
    Files.writeString(directory.resolve("base-spec.json"), defaultSpec.replaceAll("\"rlimits\"\\s*:\\s*\\[[^]]*],?", ""));
    Path cni = Files.createDirectories(directory.resolve("cni"));
    Files.writeString(cni.resolve("10-aviary.conflist"), """
        {"cniVersion": "1.0.0", "name": "%s", "plugins": [
          {"type": "bridge", "bridge": "%s", "isGateway": true, "ipMasq": true, "hairpinMode": true,
           "ipam": {"type": "host-local", "ranges": [[{"subnet": "%s"}]], "routes": [{"dst": "0.0.0.0/0"}],
                    "dataDir": "%s"}},
          {"type": "portmap", "capabilities": {"portMappings": true}}]}
        """.formatted(NETWORK, bridge, podSubnet, directory.resolve("cni-addresses")));
    Files.writeString(containerdConfig(), containerd(cni));
    Files.writeString(kubeletConfig(), kubelet());
  }

  private String containerd(Path cni) {
    // restrict_oom_score_adj: the CRI plugin would lower the sandbox's oom_score_adj, which this VM denies.
    return """
        version = 2
        root = "%s"
        state = "%s"
        [grpc]
          address = "%s"
        [plugins."io.containerd.grpc.v1.cri"]
          restrict_oom_score_adj = true
          sandbox_image = "%s"
          [plugins."io.containerd.grpc.v1.cri".containerd]
            default_runtime_name = "runc"
            [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc]
              runtime_type = "io.containerd.runc.v2"
              base_runtime_spec = "%s"
          [plugins."io.containerd.grpc.v1.cri".cni]
            bin_dir = "%s"
            conf_dir = "%s"
        """.formatted(directory.resolve("containerd-root"), directory.resolve("containerd-state"),
        containerdSocket(), pauseImage, directory.resolve("base-spec.json"), CNI_PLUGINS, cni);
  }

  /**
   * The kubelet: cgroupfs (no systemd here), swap tolerated, anonymous calls allowed on its API (the API server's
   * calls for logs and exec carry no client certificate here), and evictions only when the disk is nearly full: a
   * CI machine's disk is shared with everything else and pods must not be evicted for it.
   */
  private String kubelet() {
    return """
        apiVersion: kubelet.config.k8s.io/v1beta1
        kind: KubeletConfiguration
        cgroupDriver: cgroupfs
        cgroupRoot: /%s
        failSwapOn: false
        containerRuntimeEndpoint: unix://%s
        address: %s
        port: %d
        readOnlyPort: 0
        healthzPort: 0
        authentication:
          anonymous: {enabled: true}
          webhook: {enabled: false}
        authorization: {mode: AlwaysAllow}
        clusterDomain: cluster.local
        evictionHard: {memory.available: "100Mi", nodefs.available: "1%%", imagefs.available: "1%%", nodefs.inodesFree: "1%%"}
        imageGCHighThresholdPercent: 100
        imageGCLowThresholdPercent: 99
        serializeImagePulls: false
        """.formatted(cgroupRoot, containerdSocket(), address, ControlPlane.freePort());
  }
}
