package dev.aviary.console.gitops;

/** Who is making a change right now: the author of its commit. Implemented by the security feature. */
public interface Operators {

  Identity current();
}
