package dev.aviary.console.health;

import dev.aviary.console.cluster.PodState;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Container restarts within the last hour. Kubernetes only counts restarts since a pod started, so for a pod older
 * than the hour this remembers the counts it saw and subtracts; until Aviary has watched for an hour, the figure for
 * such a pod covers only the time since Aviary first saw it, and says so with {@link Restarts#since()}.
 */
final class RestartWindow {

  static final Duration WINDOW = Duration.ofHours(1);

  private record Seen(Instant at, int restarts) {
  }

  private final Map<String, Deque<Seen>> seen = new HashMap<>();

  /** Records what a pod reports now and answers its restarts within the last hour. */
  synchronized Restarts observe(String podKey, PodState pod, Instant now) {
    Deque<Seen> history = seen.computeIfAbsent(podKey, k -> new ArrayDeque<>());
    if (history.isEmpty() || history.getLast().restarts() != pod.restarts()) {
      history.addLast(new Seen(now, pod.restarts()));
    }
    Instant hourAgo = now.minus(WINDOW);
    // Keep the newest observation at or before an hour ago: it is the baseline the count is taken from.
    while (history.size() > 1 && !history.stream().skip(1).findFirst().orElseThrow().at().isAfter(hourAgo)) {
      history.removeFirst();
    }
    if (pod.created() != null && pod.created().isAfter(hourAgo)) {
      return new Restarts(pod.restarts(), null);
    }
    Seen baseline = history.getFirst();
    int count = pod.restarts() - baseline.restarts();
    return new Restarts(Math.max(0, count), baseline.at().isAfter(hourAgo) ? baseline.at() : null);
  }

  /** Forgets pods that no longer exist. */
  synchronized void retain(Set<String> podKeys) {
    seen.keySet().retainAll(podKeys);
  }
}
