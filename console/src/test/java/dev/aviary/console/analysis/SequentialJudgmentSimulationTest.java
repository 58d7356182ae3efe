package dev.aviary.console.analysis;

import dev.aviary.console.metrics.Counts;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sequential judge's decisions on simulated traffic, seeded so that every run of the test sees the same numbers:
 * 300 requests a second, 5% of them to the canary, both versions failing 0.2% of requests and with the same latency
 * unless said, looked at every 5 seconds. What is held here is what the method promises: a canary as good as the
 * stable is rolled back in at most alpha of the runs however long it is watched, where the naive way (a fixed-sample
 * test repeated at every look) alarms in many; and a real regression is found.
 */
class SequentialJudgmentSimulationTest {

  static final int LOOK_SECONDS = 5;
  static final int CANARY_PER_LOOK = 15 * LOOK_SECONDS;
  static final int STABLE_PER_LOOK = 285 * LOOK_SECONDS;
  static final double BASELINE_ERRORS = 0.002;
  /** Histogram bounds (ms) and the share of requests slower than each: a fast service with a thin tail. */
  static final double[] BOUNDS = {25, 50, 100, 250, 500};
  static final double[] SLOWER = {0.05, 0.01, 0.002, 0.0002, 0.00002};
  static final AnalysisLimits LIMITS = AnalysisLimits.DEFAULTS;

  @Test
  void healthy_canaries_watched_for_an_hour_are_rolled_back_in_at_most_alpha_of_runs_unlike_a_repeated_fixed_test() {
    int runs = 10_000;
    int looks = 3600 / LOOK_SECONDS;
    int[] outcomes = IntStream.range(0, runs).parallel().map(run -> {
      Traffic traffic = new Traffic(new SplittableRandom(1_000_003L * run), BASELINE_ERRORS);
      int falseRollback = 0;
      int naiveAlarm = 0;
      for (int look = 0; look < looks && (falseRollback == 0 || naiveAlarm == 0); look++) {
        traffic.next();
        falseRollback |= SequentialAnalysis.rollsBack(traffic.counts(), LIMITS) ? 1 : 0;
        naiveAlarm |= traffic.naiveZTestAlarms() ? 2 : 0;
      }
      return falseRollback | naiveAlarm;
    }).toArray();

    double rolledBack = Arrays.stream(outcomes).filter(o -> (o & 1) != 0).count() / (double) runs;
    double naive = Arrays.stream(outcomes).filter(o -> (o & 2) != 0).count() / (double) runs;
    System.out.printf("healthy: rolled back in %.2f%% of %d runs (alpha %.0f%%); a 1%% z-test repeated at every look "
        + "alarmed in %.1f%%%n", rolledBack * 100, runs, LIMITS.judgment().alpha() * 100, naive * 100);
    assertThat(rolledBack).isLessThanOrEqualTo(LIMITS.judgment().alpha());
    assertThat(naive).isGreaterThan(10 * LIMITS.judgment().alpha());
  }

  @Test
  void a_canary_failing_four_times_as_often_as_the_stable_is_found_in_at_least_90_percent_of_runs_within_ten_minutes() {
    int runs = 2_000;
    int looks = 600 / LOOK_SECONDS;
    int[] foundAfter = IntStream.range(0, runs).parallel().map(run -> {
      Traffic traffic = new Traffic(new SplittableRandom(7_000_001L * run), 0.008);
      for (int look = 1; look <= looks; look++) {
        traffic.next();
        if (SequentialAnalysis.rollsBack(traffic.counts(), LIMITS)) {
          return look * LOOK_SECONDS;
        }
      }
      return Integer.MAX_VALUE;
    }).sorted().toArray();

    double found = Arrays.stream(foundAfter).filter(s -> s != Integer.MAX_VALUE).count() / (double) runs;
    System.out.printf("0.2%% -> 0.8%%: found in %.1f%% of %d runs within 10 minutes, median after %d s%n",
        found * 100, runs, foundAfter[runs / 2]);
    assertThat(found).isGreaterThanOrEqualTo(0.9);
  }

  /** Cumulative counts of one simulated release, a look's worth of requests at a time. */
  static final class Traffic {

    private final SplittableRandom random;
    private final double canaryErrorRatio;
    private long canaryRequests;
    private long canaryErrors;
    private long stableRequests;
    private long stableErrors;
    private final long[] canarySlower = new long[BOUNDS.length];
    private final long[] stableSlower = new long[BOUNDS.length];

    Traffic(SplittableRandom random, double canaryErrorRatio) {
      this.random = random;
      this.canaryErrorRatio = canaryErrorRatio;
    }

    void next() {
      canaryRequests += CANARY_PER_LOOK;
      canaryErrors += binomial(CANARY_PER_LOOK, canaryErrorRatio);
      stableRequests += STABLE_PER_LOOK;
      stableErrors += binomial(STABLE_PER_LOOK, BASELINE_ERRORS);
      latency(CANARY_PER_LOOK, canarySlower);
      latency(STABLE_PER_LOOK, stableSlower);
    }

    /** Requests slower than each bound, drawn tail by tail: those slower than the next bound are among these. */
    private void latency(int requests, long[] slower) {
      int among = requests;
      double share = 1;
      for (int i = 0; i < BOUNDS.length; i++) {
        among = binomial(among, SLOWER[i] / share);
        share = SLOWER[i];
        slower[i] += among;
      }
    }

    CanaryCounts counts() {
      return new CanaryCounts(new Counts(canaryRequests, canaryErrors, new TreeMap<>()),
          new Counts(stableRequests, stableErrors, new TreeMap<>()), histogram(canaryRequests, canarySlower),
          histogram(stableRequests, stableSlower), false, null);
    }

    private static Counts histogram(long requests, long[] slower) {
      Map<Double, Double> atMost = new TreeMap<>();
      for (int i = 0; i < BOUNDS.length; i++) {
        atMost.put(BOUNDS[i], (double) (requests - slower[i]));
      }
      atMost.put(Double.POSITIVE_INFINITY, (double) requests);
      return new Counts(requests, 0, new TreeMap<>(atMost));
    }

    /** A one-sided two-proportion z-test at 1% on everything so far, as if each look were the only one. */
    boolean naiveZTestAlarms() {
      double pooled = (canaryErrors + stableErrors) / (double) (canaryRequests + stableRequests);
      double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / canaryRequests + 1.0 / stableRequests));
      double z = se == 0 ? 0 : (canaryErrors / (double) canaryRequests - stableErrors / (double) stableRequests) / se;
      return z > 2.326;
    }

    /** Exact binomial draw by inversion: the means here are small. */
    private int binomial(int n, double p) {
      if (n == 0 || p <= 0) {
        return 0;
      }
      double u = random.nextDouble();
      double probability = Math.pow(1 - p, n);
      double cumulative = probability;
      int k = 0;
      while (u > cumulative && k < n) {
        probability *= (n - k) / (double) (k + 1) * p / (1 - p);
        k++;
        cumulative += probability;
      }
      return k;
    }
  }
}
