package dev.aviary.console.cluster;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A Job's status: its runs' pods and its end conditions (Complete, Failed).
 *
 * @param completions pods that must succeed, from the spec (1 when unset)
 * @param started     when it started, or null
 * @param finished    when it completed, or null while it runs or when it failed
 */
public record JobState(String name, int active, int succeeded, int failed, int completions, boolean suspended,
                       List<Condition> conditions, Instant started, Instant finished) {

  public JobState {
    conditions = List.copyOf(conditions);
  }

  public Optional<Condition> condition(String type) {
    return conditions.stream().filter(c -> type.equals(c.type()) && c.isTrue()).findFirst();
  }
}
