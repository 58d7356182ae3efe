package dev.aviary.console.release;

import java.time.Instant;

/**
 * An operator's last word on a release, committed to its manifest so that Git records who steered and the leading
 * console acts on it once, however many consoles read it.
 *
 * @param weight the canary weight an operator moved the slider to, for {@link Action#SET_WEIGHT}
 */
public record Steering(Action action, String by, Instant at, String reason, Integer weight) {

  /*
   * Each action's one name: the release API's actions and its own, the Aviary-Action trailer of the commit that
   * records it, the audit entry and the docs all spell it so.
   */
  public static final String PAUSE = "pause";
  public static final String RESUME = "resume";
  public static final String PROMOTE = "promote";
  public static final String ABORT = "abort";
  public static final String SET_WEIGHT = "set-weight";

  public enum Action {
    PAUSE(Steering.PAUSE), RESUME(Steering.RESUME), PROMOTE(Steering.PROMOTE), ABORT(Steering.ABORT),
    SET_WEIGHT(Steering.SET_WEIGHT);

    private final String word;

    Action(String word) {
      this.word = word;
    }

    public String word() {
      return word;
    }

    public static Action of(String word) {
      for (Action a : values()) {
        if (a.word.equals(word)) {
          return a;
        }
      }
      throw new IllegalArgumentException("unknown steering action '" + word + "' (pause, resume, promote, abort, "
          + "set-weight)");
    }
  }

  /** Identifies this word among all of a release's, to act on it once. */
  public String key() {
    return action.word + "@" + at;
  }
}
