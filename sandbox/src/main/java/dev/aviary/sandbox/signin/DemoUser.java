package dev.aviary.sandbox.signin;

import java.util.List;
import java.util.Map;

/**
 * A person who can sign in to the sandbox: one per Aviary role, and a guest in no Aviary group (who may sign in
 * but is shown what gives access instead of any page). Each also has a script client,
 * {@code <username>-script} with the same secret, that gets tokens carrying the same claims through the
 * client-credentials grant, for trying the JSON API with curl.
 *
 * @param group the one group the person is in; the console maps {@code aviary-<role>s} to the role
 */
public record DemoUser(String username, String password, String name, String email, String group) {

  public static final List<DemoUser> ALL = List.of(
      new DemoUser("viewer", "viewer-sandbox", "Vera Viewer", "viewer@sandbox.aviary.invalid", "aviary-viewers"),
      new DemoUser("operator", "operator-sandbox", "Otto Operator", "operator@sandbox.aviary.invalid",
          "aviary-operators"),
      new DemoUser("admin", "admin-sandbox", "Ada Admin", "admin@sandbox.aviary.invalid", "aviary-admins"),
      new DemoUser("guest", "guest-sandbox", "Gus Guest", "guest@sandbox.aviary.invalid", "sandbox-guests"));

  public String scriptClientId() {
    return username + "-script";
  }

  /** The claims the person's ID and access tokens carry besides the standard ones. */
  Map<String, Object> claims() {
    return Map.of("name", name, "email", email, "email_verified", true, "preferred_username", username,
        "groups", List.of(group));
  }

  static DemoUser named(String usernameOrScriptClient) {
    return ALL.stream().filter(u -> u.username.equals(usernameOrScriptClient)
        || u.scriptClientId().equals(usernameOrScriptClient)).findFirst().orElse(null);
  }
}
