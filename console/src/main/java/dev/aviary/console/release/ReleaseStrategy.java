package dev.aviary.console.release;

import java.util.Arrays;
import java.util.List;

/**
 * How a release ships its version; its plan's steps make it one of these ({@link #of(List)}), and Git says which
 * beside them. Every strategy ends the same way once all traffic is on the new version: the previous version warm
 * for the warm window (aborting is one commit back), then the stable Deployment takes the new template.
 */
public enum ReleaseStrategy {

  CANARY("canary", "Canary", "a growing share of users gets the new version, judged at each step"),
  MIRRORED_CANARY("mirroredCanary", "Mirrored canary", "first judged on copies of live traffic whose answers no "
      + "user gets, then a canary"),
  BLUE_GREEN("blueGreen", "Blue-green", "the new version at full size beside the old one, judged on its preview "
      + "route while users stay on the old one, then all traffic switched in one commit");

  /** The steps of every blue-green release: judged on the preview, then switched. */
  public static final List<PlanStep> BLUE_GREEN_STEPS = List.of(new PlanStep.Preview(), new PlanStep.Weight(100));

  private final String word;
  private final String label;
  private final String description;

  ReleaseStrategy(String word, String label, String description) {
    this.word = word;
    this.label = label;
    this.description = description;
  }

  /** As Git and the API spell it. */
  public String word() {
    return word;
  }

  public String label() {
    return label;
  }

  /** What it does, in a phrase, as the Start dialog explains it. */
  public String description() {
    return description;
  }

  /**
   * The strategy Git or the API names.
   *
   * @throws IllegalArgumentException listing the strategies there are
   */
  public static ReleaseStrategy of(String word) {
    return Arrays.stream(values()).filter(s -> s.word.equals(word)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("strategy '" + word + "' is none of "
            + Arrays.stream(values()).map(ReleaseStrategy::word).toList()));
  }

  /** The strategy steps make: a preview makes a blue-green release, a mirror a mirrored canary. */
  public static ReleaseStrategy of(List<PlanStep> steps) {
    if (steps.stream().anyMatch(PlanStep.Preview.class::isInstance)) {
      return BLUE_GREEN;
    }
    return steps.stream().anyMatch(PlanStep.Mirror.class::isInstance) ? MIRRORED_CANARY : CANARY;
  }

  /** Whether the switch to all traffic is the whole of a step: blue-green's, judged after it is made. */
  public boolean switches() {
    return this == BLUE_GREEN;
  }
}
