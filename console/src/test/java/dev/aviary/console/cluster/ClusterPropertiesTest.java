package dev.aviary.console.cluster;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClusterPropertiesTest {

  @Test
  void contradictory_settings_fail_fast_with_the_setting_names() {
    assertThatThrownBy(() -> new ClusterProperties("/k", "", true, List.of("ns")))
        .hasMessageContaining("aviary.cluster.in-cluster and aviary.cluster.kubeconfig");
    assertThatThrownBy(() -> new ClusterProperties("", "prod", false, List.of("ns")))
        .hasMessageContaining("aviary.cluster.context is set but aviary.cluster.kubeconfig is not");
  }
}
