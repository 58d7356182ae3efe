package dev.aviary.console.cluster.fabric8;

import dev.aviary.console.cluster.ClusterInfo;
import dev.aviary.console.cluster.ClusterReader;
import dev.aviary.console.cluster.ClusterWriter;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.util.List;

/** The production cluster writer, for tests of other features that need a real one without Spring. */
public final class TestClusterWriters {

  private TestClusterWriters() {
  }

  public static ClusterReader readerFor(KubernetesClient client, List<String> namespaces) {
    return new Fabric8ClusterReader(client, new ClusterInfo("test", client.getMasterUrl().toString(), true,
        namespaces));
  }

  public static ClusterWriter forClient(KubernetesClient client, List<String> namespaces) {
    return new Fabric8ClusterWriter(client, new ClusterInfo("test", client.getMasterUrl().toString(), true,
        namespaces));
  }
}
