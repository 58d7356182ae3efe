package dev.aviary.console.release;

import dev.aviary.console.analysis.CanaryCounts;
import dev.aviary.console.analysis.ExpectedTraffic;
import dev.aviary.console.analysis.Measurements;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * The world of one release in memory: Git as the weights and templates it holds (a change that finds nothing to
 * change makes no commit, as the pipeline does), readiness as the test sets it, and measurements from a supplier.
 */
final class FakeReleaseWorld implements ReleaseWorld {

  final List<String> commits = new ArrayList<>();
  /** Why each route change was asked for, as its commit message says it. */
  final List<String> whys = new ArrayList<>();
  int gitWeight;
  Integer liveWeight;
  boolean canaryReady = true;
  boolean stableRolledOut = true;
  boolean adopted;
  boolean canaryRemoved;
  boolean canaryScaledDown;
  /** The request match routed to the canary, the share mirrored to it, and whether it is previewed: as in Git. */
  String matched = "";
  int mirrored;
  boolean previewed;
  Supplier<Measurements> measurements = () -> ExpectedTraffic.healthy(200);
  /** What the sequential judge counts, given how long the canary has taken traffic and how long it has been timed. */
  BiFunction<Duration, Duration, CanaryCounts> counts = (counted, timed) -> ExpectedTraffic.counting(counted, timed, 0.001, 20);

  @Override
  public Optional<String> canaryNotReady(ReleaseSpec release) {
    return canaryReady ? Optional.empty() : Optional.of("0 of 2 pods ready");
  }

  @Override
  public Optional<String> stableNotRolledOut(ReleaseSpec release) {
    return stableRolledOut ? Optional.empty() : Optional.of("1 of 2 pods updated");
  }

  @Override
  public Optional<Integer> liveCanaryWeight(ReleaseSpec release) {
    return Optional.of(liveWeight != null ? liveWeight : gitWeight);
  }

  @Override
  public CanaryCounts count(ReleaseSpec release, Duration counted, Duration timed) {
    return counts.apply(counted, timed);
  }

  @Override
  public Measurements measure(ReleaseSpec release, Duration window) {
    return measurements.get();
  }

  @Override
  public String setCanaryWeight(ReleaseSpec release, int weight, String why) {
    if (gitWeight == weight) {
      return "";
    }
    gitWeight = weight;
    liveWeight = null;
    whys.add(why);
    return commit("weight " + weight);
  }

  @Override
  public String routeMatching(ReleaseSpec release, dev.aviary.console.routing.RequestMatch match, String why) {
    if (matched.equals(match.text())) {
      return "";
    }
    matched = match.text();
    return commit("match " + matched);
  }

  @Override
  public String mirror(ReleaseSpec release, int percent, String why) {
    if (mirrored == percent) {
      return "";
    }
    mirrored = percent;
    return commit("mirror " + percent);
  }

  @Override
  public String preview(ReleaseSpec release, String why) {
    if (previewed) {
      return "";
    }
    previewed = true;
    whys.add(why);
    return commit("preview");
  }

  @Override
  public String rollBack(ReleaseSpec release, String reason, String figures) {
    if (gitWeight == 0 && canaryScaledDown && matched.isEmpty() && mirrored == 0 && !previewed) {
      return "";
    }
    gitWeight = 0;
    matched = "";
    mirrored = 0;
    previewed = false;
    canaryScaledDown = true;
    return commit("rollback: " + reason + (figures.isEmpty() ? "" : "\n" + figures));
  }

  @Override
  public String adoptCanaryTemplate(ReleaseSpec release) {
    if (adopted) {
      return "";
    }
    adopted = true;
    return commit("adopt");
  }

  @Override
  public String removeCanary(ReleaseSpec release) {
    if (canaryRemoved) {
      return "";
    }
    canaryRemoved = true;
    previewed = false;
    return commit("remove canary");
  }

  private String commit(String what) {
    commits.add(what);
    return "c" + commits.size();
  }
}
