package dev.aviary.console.health;

/** How a service's live objects compare with Git, in one word and a detail. */
public record SyncState(Kind kind, String detail) {

  public enum Kind {
    SYNCED("Synced"), OUT_OF_SYNC("OutOfSync"), NOT_IN_GIT("Not in Git"), UNKNOWN("Unknown");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  static final SyncState NOT_CHECKED = new SyncState(Kind.UNKNOWN, "not compared with Git yet");
}
