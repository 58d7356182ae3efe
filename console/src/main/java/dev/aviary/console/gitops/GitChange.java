package dev.aviary.console.gitops;

import java.util.Optional;

/**
 * The GitOps branch moved: by a change made through this console (with its service), or by a push from elsewhere
 * that Aviary noticed when it fetched (no service: anything may have changed).
 */
public record GitChange(Optional<String> service, String commit) {

  /** Whether views about {@code name} should read Git again. */
  public boolean concerns(String name) {
    return service.map(name::equals).orElse(true);
  }
}
