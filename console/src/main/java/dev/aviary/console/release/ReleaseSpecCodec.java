package dev.aviary.console.release;

import dev.aviary.console.analysis.AnalysisLimits;
import dev.aviary.console.analysis.Judgment;
import org.springframework.boot.convert.DurationStyle;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A release's spec as the plain map a Kubernetes object holds, spelled as operators write it (durations like
 * {@code 30s}, limits under {@code analysis}), and back with errors that name the field; {@link ReleaseStatusCodec}
 * is its twin for the status.
 */
public final class ReleaseSpecCodec {

  private ReleaseSpecCodec() {
  }

  /** The spec as the manifest spells it: durations like {@code 30s}, limits under {@code analysis}. */
  public static Map<String, Object> toMap(ReleaseSpec s) {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("service", s.service());
    spec.put("stableVersion", s.stableVersion());
    spec.put("canaryVersion", s.canaryVersion());
    spec.put("image", s.image());
    spec.put("startedBy", s.startedBy());
    spec.put("plan", planMap(s.plan()));
    if (s.steering() != null) {
      spec.put("steering", steeringMap(s.steering()));
    }
    return spec;
  }

  static Map<String, Object> steeringMap(Steering s) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("action", s.action().word());
    map.put("by", s.by());
    map.put("at", s.at().toString());
    map.put("reason", s.reason() == null ? "" : s.reason());
    if (s.weight() != null) {
      map.put("weight", s.weight());
    }
    return map;
  }

  private static Map<String, Object> planMap(ReleasePlan plan) {
    AnalysisLimits l = plan.limits();
    Map<String, Object> analysis = new LinkedHashMap<>();
    analysis.put("minSuccessRatio", l.minSuccessRatio());
    analysis.put("maxP99LatencyMs", l.maxP99Millis());
    analysis.put("minRequests", l.minRequests());
    analysis.put("maxSuccessDrop", l.maxSuccessDrop());
    analysis.put("maxLatencyFactor", l.maxLatencyFactor());
    analysis.put("latencySlackMs", l.latencySlackMillis());
    analysis.put("failureLimit", l.failureLimit());
    analysis.put("inconclusiveLimit", l.inconclusiveLimit());
    analysis.put("errorLimit", l.errorLimit());
    analysis.put("judge", l.judgment().method().word());
    analysis.put("alpha", l.judgment().alpha());
    analysis.put("warmUp", duration(l.judgment().warmUp()));
    analysis.put("decisionTimeout", duration(l.judgment().decisionTimeout()));
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("strategy", plan.strategy().word());
    map.put("steps", plan.steps().stream().map(PlanStep::spelled).toList());
    map.put("stepDuration", duration(plan.stepDuration()));
    map.put("warmWindow", duration(plan.warmWindow()));
    map.put("readyTimeout", duration(plan.readyTimeout()));
    map.put("analysis", analysis);
    return map;
  }

  private static String duration(Duration d) {
    return Durations.text(d);
  }

  /**
   * Reads a spec as the cluster returns it.
   *
   * @throws IllegalArgumentException naming the field that is missing or wrong
   */
  public static ReleaseSpec fromMap(Map<String, Object> spec) {
    Fields f = new Fields(spec, "spec");
    Fields plan = f.object("plan");
    Fields analysis = plan.object("analysis");
    AnalysisLimits limits = new AnalysisLimits(analysis.number("minSuccessRatio").doubleValue(),
        analysis.number("maxP99LatencyMs").doubleValue(), analysis.number("minRequests").longValue(),
        analysis.number("maxSuccessDrop").doubleValue(), analysis.number("maxLatencyFactor").doubleValue(),
        analysis.number("latencySlackMs").doubleValue(), analysis.number("failureLimit").intValue(),
        analysis.number("inconclusiveLimit").intValue(), analysis.number("errorLimit").intValue(),
        judgment(analysis));
    ReleasePlan releasePlan = new ReleasePlan(plan.steps("steps"), plan.duration("stepDuration"), limits,
        plan.duration("warmWindow"), plan.duration("readyTimeout"));
    checkStrategy(plan, releasePlan);
    Steering steering = f.optionalObject("steering").map(s -> new Steering(Steering.Action.of(s.text("action")),
        s.text("by"), s.instant("at"), s.optionalText("reason"), s.optionalInteger("weight"))).orElse(null);
    return new ReleaseSpec(f.text("service"), f.text("stableVersion"), f.text("canaryVersion"), f.text("image"),
        releasePlan, f.optionalText("startedBy"), steering);
  }

  /** A release written before there was a choice of strategy says none; one that names it must agree with its steps. */
  private static void checkStrategy(Fields plan, ReleasePlan releasePlan) {
    if (plan.map().get("strategy") == null) {
      return;
    }
    ReleaseStrategy named;
    try {
      named = ReleaseStrategy.of(plan.text("strategy"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(plan.path() + ".strategy: " + e.getMessage(), e);
    }
    if (named != releasePlan.strategy()) {
      throw new IllegalArgumentException(plan.path() + ".strategy is " + named.word() + " but its steps "
          + releasePlan.steps().stream().map(PlanStep::label).toList() + " make a " + releasePlan.strategy().word()
          + " release");
    }
  }

  /** A release written before there was a choice of judge ran with the fixed-window one, and says so by its silence. */
  private static Judgment judgment(Fields analysis) {
    Judgment d = Judgment.DEFAULTS;
    if (analysis.map().get("judge") == null) {
      return new Judgment(Judgment.Method.WINDOW, d.alpha(), d.warmUp(), d.decisionTimeout());
    }
    try {
      return new Judgment(Judgment.Method.of(analysis.text("judge")),
          analysis.map().get("alpha") == null ? d.alpha() : analysis.number("alpha").doubleValue(),
          analysis.map().get("warmUp") == null ? d.warmUp() : analysis.duration("warmUp"),
          analysis.map().get("decisionTimeout") == null ? d.decisionTimeout() : analysis.duration("decisionTimeout"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(analysis.path() + ": " + e.getMessage(), e);
    }
  }

  /** Typed access to a map from YAML, with errors that name the field's path. */
  private record Fields(Map<String, Object> map, String path) {

    String text(String key) {
      Object v = map.get(key);
      if (!(v instanceof String s) || s.isBlank()) {
        throw new IllegalArgumentException(path + "." + key + " must be a non-empty string, got " + v);
      }
      return s;
    }

    String optionalText(String key) {
      Object v = map.get(key);
      return v == null ? "" : String.valueOf(v);
    }

    Number number(String key) {
      if (!(map.get(key) instanceof Number n)) {
        throw new IllegalArgumentException(path + "." + key + " must be a number, got " + map.get(key));
      }
      return n;
    }

    Integer optionalInteger(String key) {
      return map.get(key) == null ? null : number(key).intValue();
    }

    List<PlanStep> steps(String key) {
      if (!(map.get(key) instanceof List<?> list)) {
        throw new IllegalArgumentException(path + "." + key + " must be a list of steps, got " + map.get(key));
      }
      List<PlanStep> steps = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        try {
          steps.add(PlanStep.of(list.get(i)));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(path + "." + key + "[" + i + "]: " + e.getMessage(), e);
        }
      }
      return steps;
    }

    Duration duration(String key) {
      try {
        return DurationStyle.detectAndParse(text(key));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(path + "." + key + " must be a duration like 30s or 5m, got "
            + map.get(key), e);
      }
    }

    Instant instant(String key) {
      try {
        return Instant.parse(text(key));
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(path + "." + key + " must be an ISO-8601 instant, got " + map.get(key), e);
      }
    }

    @SuppressWarnings("unchecked")
    Optional<Fields> optionalObject(String key) {
      Object v = map.get(key);
      if (v == null) {
        return Optional.empty();
      }
      if (!(v instanceof Map<?, ?>)) {
        throw new IllegalArgumentException(path + "." + key + " must be an object, got " + v);
      }
      return Optional.of(new Fields((Map<String, Object>) v, path + "." + key));
    }

    Fields object(String key) {
      return optionalObject(key).orElseThrow(() -> new IllegalArgumentException(path + "." + key + " is missing"));
    }
  }
}
