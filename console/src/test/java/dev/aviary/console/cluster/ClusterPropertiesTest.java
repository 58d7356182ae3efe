package dev.aviary.console.cluster;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClusterPropertiesTest {

  @Test
  void no_kubeconfig_and_not_in_cluster_means_the_sandbox() {
    assertThat(new ClusterProperties("", "", false, List.of("document-processing")).sandbox()).isTrue();
    assertThat(new ClusterProperties("/home/op/.kube/config", "", false, List.of("document-processing")).sandbox())
        .isFalse();
    assertThat(new ClusterProperties(null, null, true, List.of("document-processing")).sandbox()).isFalse();
  }

  @Test
  void contradictory_settings_fail_fast_with_the_setting_names() {
    assertThatThrownBy(() -> new ClusterProperties("/k", "", true, List.of("ns")))
        .hasMessageContaining("aviary.cluster.in-cluster and aviary.cluster.kubeconfig");
    assertThatThrownBy(() -> new ClusterProperties("", "prod", false, List.of("ns")))
        .hasMessageContaining("aviary.cluster.context is set but aviary.cluster.kubeconfig is not");
  }
}
