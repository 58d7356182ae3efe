package dev.aviary.console.cluster;

import java.util.List;
import java.util.Optional;

/**
 * A Deployment's spec and status, as far as its health is concerned.
 *
 * @param desired    {@code spec.replicas}
 * @param replicas   pods of every template that exist ({@code status.replicas})
 * @param updated    pods running the current template
 * @param ready      ready pods, old and new
 * @param available  pods ready for at least {@code minReadySeconds}
 * @param observed   whether the controller has seen the latest spec (observedGeneration >= generation)
 */
public record Rollout(int desired, int replicas, int updated, int ready, int available, boolean observed,
                      boolean paused, List<Condition> conditions) {

  public Rollout {
    conditions = List.copyOf(conditions);
  }

  public Optional<Condition> condition(String type) {
    return conditions.stream().filter(c -> type.equals(c.type())).findFirst();
  }
}
