package dev.aviary.console.release;

import dev.aviary.console.gitops.InvalidChangeException;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Checks shared by the routers, with messages that name the offending version and value. */
final class Weights {

  private Weights() {
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
