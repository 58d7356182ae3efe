package dev.aviary.console.release;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Canary releases: how often the leading console steps them, and the plan a new release gets (defaults, and overrides per service). The plan is copied into the release's manifest
 * when it starts, so Git says what each release was held to.
 *
 * @param tick     how often the leader steps every running release
 * @param plan     the default plan
 * @param services per-service plans: any field set there replaces the default's
 */
@ConfigurationProperties("aviary.releases")
public record ReleasesProperties(@DefaultValue("1s") Duration tick,
                                 @DefaultValue PlanSettings plan, Map<String, PlanSettings> services) {

  public ReleasesProperties {
    if (tick.isZero() || tick.isNegative()) {
      throw new IllegalArgumentException("aviary.releases.tick must be positive, got " + tick);
    }
    services = services == null ? Map.of() : Map.copyOf(services);
    ReleasePlan defaults = merge(BUILT_IN, plan, "aviary.releases.plan");
    services.forEach((service, settings) -> merge(defaults, settings, "aviary.releases.services." + service));
  }

  private static final ReleasePlan BUILT_IN = new ReleasePlan(ReleasePlan.DEFAULT_STEPS, Duration.ofMinutes(1),
      AnalysisLimits.DEFAULTS, Duration.ofMinutes(10), Duration.ofMinutes(5));

  /**
   * A plan's settings; a null field takes the default's. {@code steps}: as {@link PlanStep#of} reads them, e.g.
   * {@code header:x-aviary-canary=always,5,25,100} or {@code mirror:20,10,50,100}. {@code judge}: sequential or
   * window; {@code alpha}, {@code warmUp} and {@code decisionTimeout}: see {@link Judgment}.
   */
  public record PlanSettings(List<String> steps, Duration stepDuration, Double minSuccessRatio,
                             Double maxP99LatencyMs, Long minRequests, Double maxSuccessDrop, Double maxLatencyFactor,
                             Double latencySlackMs, Integer failureLimit, Integer inconclusiveLimit,
                             Integer errorLimit, Duration warmWindow, Duration readyTimeout, String judge,
                             Double alpha, Duration warmUp, Duration decisionTimeout) {
  }

  public ReleasePlan defaultPlan() {
    return merge(BUILT_IN, plan, "aviary.releases.plan");
  }

  /** The service's plan: its overrides over the default plan. */
  public ReleasePlan planFor(String service) {
    PlanSettings own = services.get(service);
    return own == null ? defaultPlan() : merge(defaultPlan(), own, "aviary.releases.services." + service);
  }

  private static ReleasePlan merge(ReleasePlan base, PlanSettings s, String where) {
    if (s == null) {
      return base;
    }
    AnalysisLimits l = base.limits();
    try {
      return new ReleasePlan(s.steps() == null ? base.steps() : s.steps().stream().map(PlanStep::of).toList(),
          or(s.stepDuration(), base.stepDuration()),
          new AnalysisLimits(or(s.minSuccessRatio(), l.minSuccessRatio()), or(s.maxP99LatencyMs(), l.maxP99Millis()),
              or(s.minRequests(), l.minRequests()), or(s.maxSuccessDrop(), l.maxSuccessDrop()),
              or(s.maxLatencyFactor(), l.maxLatencyFactor()), or(s.latencySlackMs(), l.latencySlackMillis()),
              or(s.failureLimit(), l.failureLimit()), or(s.inconclusiveLimit(), l.inconclusiveLimit()),
              or(s.errorLimit(), l.errorLimit()), judgment(l.judgment(), s)),
          or(s.warmWindow(), base.warmWindow()), or(s.readyTimeout(), base.readyTimeout()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
    }
  }

  private static Judgment judgment(Judgment base, PlanSettings s) {
    return new Judgment(s.judge() == null ? base.method() : Judgment.Method.of(s.judge()), or(s.alpha(), base.alpha()),
        or(s.warmUp(), base.warmUp()), or(s.decisionTimeout(), base.decisionTimeout()));
  }

  private static <T> T or(T value, T otherwise) {
    return value != null ? value : otherwise;
  }
}
