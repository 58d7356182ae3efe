package dev.aviary.console.release;

import dev.aviary.console.analysis.AnalysisLimits;
import dev.aviary.console.analysis.Judgment;
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
    Defaults defaults = merge(BUILT_IN_DEFAULTS, plan, "aviary.releases.plan");
    services.forEach((service, settings) -> merge(defaults, settings, "aviary.releases.services." + service));
  }

  /**
   * A plan's settings; a null field takes the default's. {@code strategy}: the one the Start dialog and the API
   * pick when the operator names none ({@link ReleaseStrategy#word}). {@code steps}: a canary's, as
   * {@link PlanStep#of} reads them, e.g. {@code header:x-aviary-canary=always,5,25,100}; {@code mirroredSteps}: a
   * mirrored canary's, e.g. {@code mirror:20,10,50,100}; a blue-green release's are always {@code preview,100}.
   * {@code judge}: sequential or window; {@code alpha}, {@code warmUp} and {@code decisionTimeout}: see
   * {@link Judgment}.
   */
  public record PlanSettings(String strategy, List<String> steps, List<String> mirroredSteps, Duration stepDuration,
                             Double minSuccessRatio, Double maxP99LatencyMs, Long minRequests, Double maxSuccessDrop,
                             Double maxLatencyFactor, Double latencySlackMs, Integer failureLimit,
                             Integer inconclusiveLimit, Integer errorLimit, Duration warmWindow,
                             Duration readyTimeout, String judge, Double alpha, Duration warmUp,
                             Duration decisionTimeout) {
  }

  /** What a service's releases start with unless the operator chooses: a strategy, and each strategy's plan. */
  private record Defaults(ReleaseStrategy strategy, ReleasePlan canary, List<PlanStep> mirroredSteps) {

    ReleasePlan plan(ReleaseStrategy chosen) {
      return switch (chosen) {
        case CANARY -> canary;
        case MIRRORED_CANARY -> canary.withSteps(mirroredSteps);
        case BLUE_GREEN -> canary.withSteps(ReleaseStrategy.BLUE_GREEN_STEPS);
      };
    }
  }

  private static final Defaults BUILT_IN_DEFAULTS = new Defaults(ReleaseStrategy.CANARY,
      new ReleasePlan(ReleasePlan.DEFAULT_STEPS, Duration.ofMinutes(1), AnalysisLimits.DEFAULTS,
          Duration.ofMinutes(10), Duration.ofMinutes(5)),
      List.of(new PlanStep.Mirror(20), new PlanStep.Weight(10), new PlanStep.Weight(25), new PlanStep.Weight(50),
          new PlanStep.Weight(100)));

  public ReleasePlan defaultPlan() {
    return defaults(null).plan(defaults(null).strategy());
  }

  /** The service's plan for its default strategy: its overrides over the defaults. */
  public ReleasePlan planFor(String service) {
    return planFor(service, strategyFor(service));
  }

  /** The service's plan for {@code strategy}: the strategy's steps, the service's timing and limits. */
  public ReleasePlan planFor(String service, ReleaseStrategy strategy) {
    return defaults(service).plan(strategy);
  }

  /** The strategy a release of the service gets when the operator names none. */
  public ReleaseStrategy strategyFor(String service) {
    return defaults(service).strategy();
  }

  private Defaults defaults(String service) {
    Defaults global = merge(BUILT_IN_DEFAULTS, plan, "aviary.releases.plan");
    PlanSettings own = service == null ? null : services.get(service);
    return own == null ? global : merge(global, own, "aviary.releases.services." + service);
  }

  private static Defaults merge(Defaults base, PlanSettings s, String where) {
    if (s == null) {
      return base;
    }
    try {
      ReleaseStrategy strategy = s.strategy() == null ? base.strategy() : ReleaseStrategy.of(s.strategy());
      List<PlanStep> mirrored = s.mirroredSteps() == null ? base.mirroredSteps() : steps(s.mirroredSteps());
      ReleasePlan canary = mergePlan(base.canary(), s);
      requireStrategy(canary.steps(), ReleaseStrategy.CANARY, "steps");
      requireStrategy(mirrored, ReleaseStrategy.MIRRORED_CANARY, "mirrored-steps");
      canary.withSteps(mirrored); // checks them as a plan's steps
      return new Defaults(strategy, canary, mirrored);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
    }
  }

  private static List<PlanStep> steps(List<String> spelled) {
    return spelled.stream().map(PlanStep::of).toList();
  }

  /** A canary's steps may not mirror or preview, a mirrored canary's must mirror: each strategy has its setting. */
  private static void requireStrategy(List<PlanStep> steps, ReleaseStrategy wanted, String setting) {
    ReleaseStrategy made = ReleaseStrategy.of(steps);
    if (made != wanted) {
      throw new IllegalArgumentException(setting + " " + steps.stream().map(PlanStep::label).toList() + " make a "
          + made.word() + " release, not a " + wanted.word() + " one" + (made == ReleaseStrategy.MIRRORED_CANARY
          ? "; set mirror steps as mirrored-steps" : ""));
    }
  }

  private static ReleasePlan mergePlan(ReleasePlan base, PlanSettings s) {
    AnalysisLimits l = base.limits();
    return new ReleasePlan(s.steps() == null ? base.steps() : steps(s.steps()),
        or(s.stepDuration(), base.stepDuration()),
        new AnalysisLimits(or(s.minSuccessRatio(), l.minSuccessRatio()), or(s.maxP99LatencyMs(), l.maxP99Millis()),
            or(s.minRequests(), l.minRequests()), or(s.maxSuccessDrop(), l.maxSuccessDrop()),
            or(s.maxLatencyFactor(), l.maxLatencyFactor()), or(s.latencySlackMs(), l.latencySlackMillis()),
            or(s.failureLimit(), l.failureLimit()), or(s.inconclusiveLimit(), l.inconclusiveLimit()),
            or(s.errorLimit(), l.errorLimit()), judgment(l.judgment(), s)),
        or(s.warmWindow(), base.warmWindow()), or(s.readyTimeout(), base.readyTimeout()));
  }

  private static Judgment judgment(Judgment base, PlanSettings s) {
    return new Judgment(s.judge() == null ? base.method() : Judgment.Method.of(s.judge()), or(s.alpha(), base.alpha()),
        or(s.warmUp(), base.warmUp()), or(s.decisionTimeout(), base.decisionTimeout()));
  }

  private static <T> T or(T value, T otherwise) {
    return value != null ? value : otherwise;
  }
}
