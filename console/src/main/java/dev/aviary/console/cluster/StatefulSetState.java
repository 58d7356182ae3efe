package dev.aviary.console.cluster;

import java.util.List;

/**
 * A StatefulSet's spec and status, as far as its health is concerned, with its pods (by owner).
 *
 * @param current         pods at {@code currentRevision}
 * @param updated         pods at {@code updateRevision}
 * @param partition       a RollingUpdate's partition: only ordinals at or above it are updated (0 without one)
 * @param onDelete        the OnDelete update strategy: pods change only when deleted, the controller never rolls
 * @param observed        whether the controller has seen the latest spec
 */
public record StatefulSetState(String name, int desired, int ready, int current, int updated, String currentRevision,
                               String updateRevision, int partition, boolean onDelete, boolean observed,
                               List<PodState> pods) {

  public StatefulSetState {
    pods = List.copyOf(pods);
  }
}
