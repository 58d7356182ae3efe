package dev.aviary.console.observability;

import dev.aviary.console.cluster.ClusterInfo;
import dev.aviary.console.cluster.ClusterSnapshot;
import dev.aviary.console.cluster.ClusterState;
import dev.aviary.console.cluster.ConnectionState;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** A console is ready once its watches synced, and stays ready when the API server goes away later. */
class InformersReadinessTest {

  ConnectionState.Status now = ConnectionState.Status.CONNECTING;
  final ClusterState cluster = new ClusterState() {
    @Override
    public ClusterInfo info() {
      throw new UnsupportedOperationException();
    }

    @Override
    public ClusterSnapshot snapshot() {
      return new ClusterSnapshot(Instant.EPOCH, new ConnectionState(now, Instant.EPOCH, "listing pods"), List.of(),
          List.of());
    }

    @Override
    public Subscription subscribe(Consumer<ClusterSnapshot> listener) {
      throw new UnsupportedOperationException();
    }
  };
  final InformersReadiness readiness = new InformersReadiness(cluster);

  @Test
  void not_ready_until_the_watches_have_synced_then_ready_even_when_they_go_stale() {
    assertThat(readiness.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
    assertThat(readiness.health().getDetails()).containsEntry("cluster", "CONNECTING: listing pods");

    now = ConnectionState.Status.LIVE;
    assertThat(readiness.health().getStatus()).isEqualTo(Status.UP);

    now = ConnectionState.Status.STALE;
    assertThat(readiness.health().getStatus()).isEqualTo(Status.UP);
  }
}
