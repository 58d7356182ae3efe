package dev.aviary.console.release;

import java.time.Instant;

/**
 * An operator's last word on a release, committed to its manifest so that Git records who steered and the leading
 * console acts on it once, however many consoles read it.
 *
 * @param weight the canary weight an operator moved the slider to, for {@link Action#SET_WEIGHT}
 */
public record Steering(Action action, String by, Instant at, String reason, Integer weight) {

  public enum Action {
    PAUSE("pause"), RESUME("resume"), PROMOTE("promote"), ABORT("abort"), SET_WEIGHT("set-weight");

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
