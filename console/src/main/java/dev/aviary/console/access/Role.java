package dev.aviary.console.access;

/**
 * What a signed-in person may do in Aviary. Each role includes the ones before it: viewers read everything,
 * operators also move traffic, scale, sync, revert and steer releases, admins also start releases and change
 * settings.
 */
public enum Role {
  VIEWER("Viewer"),
  OPERATOR("Operator"),
  ADMIN("Admin");

  private final String label;

  Role(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The Spring Security authority for this role (what {@code @RolesAllowed} and the API's rules match). */
  public String authority() {
    return "ROLE_" + name();
  }

  public boolean includes(Role other) {
    return compareTo(other) >= 0;
  }
}
