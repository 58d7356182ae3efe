package dev.aviary.console.release;

/** Whether this console is the one that advances releases; only one in a cluster is at a time. */
public interface Leadership {

  boolean leading();

  /** This console's name among the candidates. */
  String identity();

  /** The console leading now, as last seen; empty when none is known. */
  String leader();
}
