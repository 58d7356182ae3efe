package dev.aviary.console.simulation;

import dev.aviary.console.metrics.Signal;
import dev.aviary.console.routing.RouteTable;
import org.apache.commons.numbers.gamma.Erfc;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The sandbox's made-up traffic: each service gets a steady request rate of its own (with a slow swell), routed over
 * its versions by the live route as a mesh would (by ready replicas when nothing routes it): {@value #MARKED_PERCENT}%
 * of the requests come from testers who send {@code x-aviary-canary: always} and the cookie
 * {@code aviary-canary=always}, and go where a route matching them says; the rest are split by weight, and a mirror
 * copies its share of those to its version, which serves them unseen; a service's preview route gets another
 * {@value #PREVIEW_PERCENT}% of its rate from testers and smoke tests. A version that gets traffic
 * but has no ready replica fails all of it, as a mesh does ("no healthy upstream"); an image tag ending in
 * {@value #FAULTY} fails 20% of requests, one ending in {@value #SLOW} adds 700 ms. Noise is a function of the
 * series and the 5-second slot, so asking twice for the same moment gives the same figure.
 */
final class TrafficModel {

  static final String FAULTY = "-faulty";
  static final String SLOW = "-slow";
  private static final long SLOT_SECONDS = 5;
  private static final double SPREAD = 0.5;
  /** The standard normal quantile of 0.99. */
  private static final double P99_Z = 2.3263;

  /** What a version's figures depend on. */
  record VersionInputs(String image, int ready) {
  }

  /** What a service's figures depend on: its versions and its live route ({@link #UNROUTED} when none names it). */
  record ServiceInputs(Map<String, VersionInputs> versions, RouteTable route) {
  }

  /** A service no route names: its requests are spread over its ready replicas. */
  static final RouteTable UNROUTED = RouteTable.weighted(Map.of());
  static final int MARKED_PERCENT = 2;
  /** Testers and smoke tests call a service's preview with this share of its rate, on top of users' requests. */
  static final int PREVIEW_PERCENT = 10;
  /** What the sandbox's testers send. */
  static final Map<String, String> MARKED = Map.of("x-aviary-canary", "always", "cookie", "aviary-canary=always");

  private TrafficModel() {
  }

  /** The signal for one version at one moment; NaN when the version gets no requests. */
  static double value(Signal signal, String service, String version, ServiceInputs in, Instant at) {
    VersionInputs v = in.versions().get(version);
    double rate = v == null ? 0 : baseRate(service, at) * share(version, in);
    if (signal == Signal.REQUEST_RATE) {
      return rate;
    }
    if (rate <= 0) {
      return Double.NaN;
    }
    if (v.ready() == 0) {
      return signal == Signal.ERROR_RATIO ? 1.0 : 2 + 3 * noise(service, version, signal, at);
    }
    boolean faulty = v.image().endsWith(FAULTY);
    boolean slow = v.image().endsWith(SLOW);
    return switch (signal) {
      case ERROR_RATIO -> faulty ? 0.18 + 0.04 * noise(service, version, signal, at)
          : 0.003 * noise(service, version, signal, at);
      case P99_LATENCY -> (60 + Math.floorMod(service.hashCode(), 80) + (slow ? 700 : 0))
          * (0.9 + 0.2 * noise(service, version, signal, at));
      case REQUEST_RATE -> rate;
    };
  }

  /**
   * The share of the service's requests {@code version} serves: to users, plus what is mirrored to it, plus what its
   * preview gets.
   */
  static double share(String version, ServiceInputs in) {
    RouteTable route = in.route();
    if (route.weights().isEmpty()) {
      int ready = in.versions().values().stream().mapToInt(VersionInputs::ready).sum();
      return ready == 0 ? 1.0 / in.versions().size() : in.versions().get(version).ready() / (double) ready;
    }
    Optional<String> markedTo = route.matched().stream().filter(m -> m.match().matches(MARKED))
        .map(RouteTable.MatchedRoute::version).findFirst();
    double weighted = markedTo.isPresent() ? 1 - MARKED_PERCENT / 100.0 : 1;
    double users = weighted * route.share(version) + (markedTo.filter(version::equals).isPresent()
        ? MARKED_PERCENT / 100.0 : 0);
    double mirrored = route.mirror().filter(m -> m.version().equals(version))
        .map(m -> weighted * m.percent() / 100.0).orElse(0.0);
    double previewed = route.preview().filter(version::equals).map(p -> PREVIEW_PERCENT / 100.0).orElse(0.0);
    return users + mirrored + previewed;
  }

  /**
   * 200 to 1,000 requests a second, swelling by up to 15% over ten minutes: enough that a 5% canary gathers, within a
   * minute or two, the thousand-odd requests that show an error ratio below 1% with the judgment's confidence.
   */
  private static double baseRate(String service, Instant at) {
    double base = 25 * (8 + Math.floorMod(service.hashCode(), 33));
    double phase = Math.floorMod(service.hashCode(), 628) / 100.0;
    return base * (1 + 0.15 * Math.sin(2 * Math.PI * at.getEpochSecond() / Duration.ofMinutes(10).toSeconds() + phase));
  }

  /**
   * The share of a version's requests that take at most {@code boundMillis}, given its p99: latencies drawn from a
   * log-normal distribution with a spread of 0.5 (so the median is the p99 / 3.2), a shape real service latencies
   * roughly have.
   */
  static double shareAtMost(double p99Millis, double boundMillis) {
    if (boundMillis == Double.POSITIVE_INFINITY) {
      return 1;
    }
    double z = (Math.log(boundMillis) - Math.log(p99Millis)) / SPREAD + P99_Z;
    return 0.5 * Erfc.value(-z / Math.sqrt(2));
  }

  /** A repeatable number in [0, 1) for a series and the 5-second slot of {@code at}. */
  static double noise(String service, String version, Signal signal, Instant at) {
    long slot = Math.floorDiv(at.getEpochSecond(), SLOT_SECONDS);
    long h = (service + "/" + version + "/" + signal).hashCode() * 0x9E3779B97F4A7C15L + slot * 0xBF58476D1CE4E5B9L;
    h ^= h >>> 31;
    h *= 0x94D049BB133111EBL;
    h ^= h >>> 29;
    return (h >>> 11) / (double) (1L << 53);
  }
}
