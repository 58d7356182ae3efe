package dev.aviary.console.access;

/** A person (or Aviary itself) as Git records them: the author of a change, or its committer. */
public record Identity(String name, String email) {

  public Identity {
    if (name == null || name.isBlank() || email == null || !email.contains("@")) {
      throw new IllegalArgumentException("an identity needs a name and an e-mail address, got '" + name + " <"
          + email + ">'");
    }
  }

  /** The name in a person as {@link #toString()} writes them ("Ada Admin <ada@example.com>"), or the text whole. */
  public static String nameIn(String written) {
    int open = written == null ? -1 : written.lastIndexOf(" <");
    return open > 0 && written.endsWith(">") ? written.substring(0, open) : written;
  }

  @Override
  public String toString() {
    return name + " <" + email + ">";
  }
}
