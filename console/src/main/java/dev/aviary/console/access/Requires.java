package dev.aviary.console.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An action on a service that only people holding {@link #value()} (or a role that includes it) may take. The
 * security feature checks it on every call, whichever view or API made it, and writes the call and its outcome to
 * the audit log.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Requires {

  Role value();

  /** The action's name in the audit log, e.g. "scale". */
  String action();
}
