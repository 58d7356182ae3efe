package dev.aviary.console.access;

/** A person (or Aviary itself) as Git records them: the author of a change, or its committer. */
public record Identity(String name, String email) {

  public Identity {
    if (name == null || name.isBlank() || email == null || !email.contains("@")) {
      throw new IllegalArgumentException("an identity needs a name and an e-mail address, got '" + name + " <"
          + email + ">'");
    }
  }

  @Override
  public String toString() {
    return name + " <" + email + ">";
  }
}
