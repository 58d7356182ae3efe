package dev.aviary.console.access;

import java.util.Optional;

/** Who is acting right now and what they may do. Implemented by the security feature from the signed-in user. */
public interface Operators {

  /** The signed-in person, as the author of the commits they cause. Fails when no one is signed in. */
  Identity current();

  /** Empty when the signed-in person holds {@code role}; otherwise why not, in words the UI can show. */
  Optional<String> refusal(Role role);
}
