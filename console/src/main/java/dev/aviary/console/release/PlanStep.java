package dev.aviary.console.release;

import dev.aviary.console.gitops.InvalidChangeException;
import dev.aviary.console.routing.RequestMatch;

/**
 * One step of a release's plan, run and judged before the next: a share of user traffic for the canary, requests
 * matching a header or cookie sent to it (testers first; the route stays for the steps after), or a share of traffic
 * mirrored to it while users only get the stable's answers, or a blue-green preview. Git spells a weight as a number
 * and the others as text: {@code 5}, {@code header:x-aviary-canary=always}, {@code cookie:aviary-canary=always},
 * {@code mirror:20}, {@code preview}.
 */
public sealed interface PlanStep {

  /** {@code percent} of user traffic to the canary. */
  record Weight(int percent) implements PlanStep {
    public Weight {
      if (percent < 1 || percent > 100) {
        throw new IllegalArgumentException("a weight step must be 1 to 100 percent, got " + percent);
      }
    }

    @Override
    public Object spelled() {
      return percent;
    }

    @Override
    public String label() {
      return percent + "%";
    }
  }

  /** Requests matching {@code match} go to the canary. */
  record Match(RequestMatch match) implements PlanStep {
    @Override
    public Object spelled() {
      return match.text();
    }

    @Override
    public String label() {
      return match.kind().word() + " " + match.name() + "=" + match.value();
    }
  }

  /** {@code percent} of the traffic copied to the canary; its answers reach no user. */
  record Mirror(int percent) implements PlanStep {
    static final String PREFIX = "mirror:";

    public Mirror {
      if (percent < 1 || percent > 100) {
        throw new IllegalArgumentException("a mirror step must copy 1 to 100 percent, got " + percent);
      }
    }

    @Override
    public Object spelled() {
      return PREFIX + percent;
    }

    @Override
    public String label() {
      return "mirror " + percent + "%";
    }
  }

  /**
   * The canary (blue-green's green) answers only on the service's preview route, at full size, while users stay on
   * stable: judged on what testers and smoke tests send there.
   */
  record Preview() implements PlanStep {
    static final String SPELLED = "preview";

    @Override
    public Object spelled() {
      return SPELLED;
    }

    @Override
    public String label() {
      return SPELLED;
    }
  }

  /** As Git spells it: a number for a weight, text for the others. */
  Object spelled();

  /** As the views and notices show it. */
  String label();

  /**
   * Reads a step as Git or a setting spells it.
   *
   * @throws IllegalArgumentException saying what a step may look like
   */
  static PlanStep of(Object spelled) {
    if (spelled instanceof Number n) {
      return new Weight(n.intValue());
    }
    String text = String.valueOf(spelled).strip();
    try {
      if (text.matches("\\d{1,3}")) {
        return new Weight(Integer.parseInt(text));
      }
      if (text.startsWith(Mirror.PREFIX) && text.substring(Mirror.PREFIX.length()).matches("\\d{1,3}")) {
        return new Mirror(Integer.parseInt(text.substring(Mirror.PREFIX.length())));
      }
      if (text.equals(Preview.SPELLED)) {
        return new Preview();
      }
      if (text.startsWith("header:") || text.startsWith("cookie:")) {
        return new Match(RequestMatch.parse(text));
      }
    } catch (InvalidChangeException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    throw new IllegalArgumentException("step '" + text + "' must be a weight (5), a request match "
        + "(header:x-aviary-canary=always or cookie:aviary-canary=always), a mirror (mirror:20) or preview");
  }
}
