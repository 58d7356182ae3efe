package dev.aviary.console.cluster;

import java.util.List;

/** The HorizontalPodAutoscaler that owns a version's replica count. */
public record AutoscalerState(String name, int min, int max, int current, int desired, List<Condition> conditions) {

  public AutoscalerState {
    conditions = List.copyOf(conditions);
  }

  public boolean atMax() {
    return current >= max && desired >= max;
  }
}
