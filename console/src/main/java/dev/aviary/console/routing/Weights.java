package dev.aviary.console.routing;

import dev.aviary.console.gitops.InvalidChangeException;

import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Rules about a service's traffic weights: which version is stable, and the checks shared by the routers, with
 * messages that name the offending version and value.
 */
public final class Weights {

  private Weights() {
  }

  /**
   * Which of a service's versions is its stable one: the one that gets the most traffic; with no traffic routed, or
   * a tie, the first by name. A release replaces this version, and the traffic slider moves the others against it.
   *
   * @return empty only when there are no versions
   */
  public static Optional<String> stable(Collection<String> versions, Map<String, Integer> weights) {
    return versions.stream().min(Comparator.<String>comparingInt(v -> -weights.getOrDefault(v, 0))
        .thenComparing(Comparator.naturalOrder()));
  }

  /** Each weight 0..100 and all of them summing to 100, as Istio requires. */
  static void checkPercentages(Map<String, Integer> weights) {
    if (weights.isEmpty()) {
      throw new InvalidChangeException("no weights given");
    }
    weights.forEach((version, weight) -> {
      if (weight == null || weight < 0 || weight > 100) {
        throw new InvalidChangeException("weight for " + version + " must be between 0 and 100, got " + weight);
      }
    });
    int sum = weights.values().stream().mapToInt(Integer::intValue).sum();
    if (sum != 100) {
      throw new InvalidChangeException("weights must sum to 100, got " + sum + " " + new TreeMap<>(weights));
    }
  }

  /** A change of weights names every version that gets traffic now, so none is dropped by omission. */
  static void checkAllNamed(Set<String> routed, Map<String, Integer> weights) {
    Set<String> missing = new TreeSet<>(routed);
    missing.removeAll(weights.keySet());
    if (!missing.isEmpty()) {
      throw new InvalidChangeException("weights must name every version the route sends traffic to; missing "
          + missing);
    }
  }
}
