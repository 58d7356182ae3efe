package dev.aviary.console.coordination;

/**
 * Whether this console is the one that does what must happen once however many consoles run: advancing releases,
 * telling health and drift, re-applying refused changes, reconciling at start-up. One console leads at a time.
 */
public interface Leadership {

  boolean leading();
}
