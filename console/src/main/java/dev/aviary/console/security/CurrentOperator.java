package dev.aviary.console.security;

import dev.aviary.console.gitops.Identity;
import dev.aviary.console.gitops.Operators;
import org.springframework.stereotype.Service;

/** The person on whose behalf a change is made: the author of its commit. */
@Service
public class CurrentOperator implements Operators {

  private final OperatorProperties properties;

  CurrentOperator(OperatorProperties properties) {
    this.properties = properties;
  }

  @Override
  public Identity current() {
    return new Identity(properties.name(), properties.email());
  }
}
